import { describe, expect, it } from 'vitest';
import { parseArgs } from './options';

describe('simulate options', () => {
  it('reads --rate and --url in both spellings, with defaults for the rest', () => {
    const options = parseArgs(['--rate', '5', '--url=http://localhost:7401'], {});
    expect(options).toMatchObject({
      rate: 5,
      url: 'http://localhost:7401',
      smtp: '127.0.0.1:2525',
      mix: { phone: 40, email: 30, web: 15, chat: 15 },
      ctiSecret: 'agentdeck-demo-cti-secret',
    });
  });

  it('takes the CTI secret from the environment the server reads', () => {
    expect(parseArgs([], { AGENTDECK_CTI_SECRET: 's3cret' }).ctiSecret).toBe('s3cret');
  });

  it('refuses a bad rate or mix with a message naming the option', () => {
    expect(() => parseArgs(['--rate', '-1'], {})).toThrow(/--rate/);
    expect(() => parseArgs(['--mix', 'fax=10'], {})).toThrow(/bad mix entry "fax=10"/);
  });
});
