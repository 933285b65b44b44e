import { describe, expect, it } from 'vitest';
import { ctiSignature, isValidCtiSignature, isValidTwilioSignature, twilioSignature } from './signatures';

describe('webhook signatures', () => {
  it("Twilio's: matches the example in Twilio's security documentation", () => {
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const params: [string, string][] = [
      ['To', '+18005551212'],
      ['Digits', '1234'],
      ['CallSid', 'CA1234567890ABCDE'],
      ['From', '+14158675309'],
      ['Caller', '+14158675309'],
    ];
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(isValidTwilioSignature('12345', url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(true);
    expect(isValidTwilioSignature('12345', `${url}&x=1`, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=')).toBe(false);
    expect(isValidTwilioSignature('12345', url, params, undefined)).toBe(false);
    expect(isValidTwilioSignature('12345', url, params, 'short')).toBe(false);
  });

  it('the CTI one: sha256=<hex> over the exact bytes; malformed headers are simply invalid', () => {
    const body = Buffer.from('{"callId":"1"}');
    const header = ctiSignature('s3cret', body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidCtiSignature('s3cret', body, header)).toBe(true);
    expect(isValidCtiSignature('s3cret', Buffer.from('{"callId":"2"}'), header)).toBe(false);
    expect(isValidCtiSignature('other', body, header)).toBe(false);
    for (const bad of [undefined, ['x'], '', 'sha256=', 'sha1=abc', header.slice(0, -2)]) {
      expect(isValidCtiSignature('s3cret', body, bad)).toBe(false);
    }
  });
});
