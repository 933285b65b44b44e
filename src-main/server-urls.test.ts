import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, serverUrlsFrom } from './server-urls';

describe('serverUrlsFrom', () => {
  it('defaults to the local server', () => {
    expect(serverUrlsFrom({})).toEqual([DEFAULT_SERVER_URL]);
  });

  it('reads one or several http(s) URLs and drops anything else', () => {
    expect(serverUrlsFrom({ AGENTDECK_SERVER_URL: 'https://a.example.com' })).toEqual([
      'https://a.example.com',
    ]);
    expect(
      serverUrlsFrom({
        AGENTDECK_SERVER_URL: 'https://a.example.com, javascript:alert(1) ,http://10.0.0.5:7400',
      }),
    ).toEqual(['https://a.example.com', 'http://10.0.0.5:7400']);
    expect(serverUrlsFrom({ AGENTDECK_SERVER_URL: "ftp://x; script-src 'unsafe-eval'" })).toEqual([
      DEFAULT_SERVER_URL,
    ]);
  });
});
