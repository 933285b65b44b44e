import { describe, expect, it } from 'vitest';
import { defaultServerUrl } from './default-server-url';

describe('defaultServerUrl', () => {
  it('prefers the ?server= parameter', () => {
    const location = {
      search: '?server=http://10.0.0.5:7400',
      protocol: 'http:',
      origin: 'http://a:7400',
    };
    expect(defaultServerUrl(location, null)).toBe('http://10.0.0.5:7400');
  });

  it('uses the serving origin in a browser', () => {
    expect(defaultServerUrl({ search: '', protocol: 'http:', origin: 'http://host:7400' }, null)).toBe(
      'http://host:7400',
    );
  });

  it('falls back to the last server, then localhost, in the desktop app', () => {
    const file = { search: '', protocol: 'file:', origin: 'null' };
    expect(defaultServerUrl(file, 'https://deck.example.com')).toBe('https://deck.example.com');
    expect(defaultServerUrl(file, null)).toBe('http://localhost:7400');
  });
});
