import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCtiSignature, ctiSignature, isValidTwilioSignature, twilioSignature } from './signatures';

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

  it('the CTI one: sha256=<hex> over "<timestamp>.<exact bytes>"', () => {
    const body = Buffer.from('{"callId":"1"}');
    const expected = createHmac('sha256', 's3cret').update('1750000000.{"callId":"1"}').digest('hex');
    expect(ctiSignature('s3cret', 1750000000, body)).toBe(`sha256=${expected}`);
  });

  describe('checking a CTI request', () => {
    const now = 1_750_000_000;
    const body = Buffer.from('{"callId":"1"}');
    const check = (over: Partial<Parameters<typeof checkCtiSignature>[0]>) =>
      checkCtiSignature({
        secret: 's3cret',
        rawBody: body,
        signature: ctiSignature('s3cret', now, body),
        timestamp: String(now),
        nowSeconds: now,
        allowLegacy: false,
        ...over,
      });
    const legacy = `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`;

    it('takes a signature of this time and these bytes, within 300 s either way', () => {
      expect(check({})).toEqual({ ok: true, legacy: false });
      expect(check({ nowSeconds: now + 300 })).toMatchObject({ ok: true });
      expect(check({ nowSeconds: now - 300 })).toMatchObject({ ok: true });
    });

    it('refuses another time, other bytes, another key, a stale or future time, malformed headers', () => {
      expect(check({ timestamp: String(now + 1) })).toMatchObject({ ok: false });
      expect(check({ rawBody: Buffer.from('{"callId":"2"}') })).toMatchObject({ ok: false });
      expect(check({ secret: 'other' })).toMatchObject({ ok: false });
      expect(check({ nowSeconds: now + 301 })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/300 s/) as unknown,
      });
      expect(check({ nowSeconds: now - 301 })).toMatchObject({ ok: false });
      for (const timestamp of ['', 'yesterday', '-5', ['1', '2'], '1e9']) {
        expect(check({ timestamp })).toMatchObject({ ok: false });
      }
      for (const signature of [undefined, ['x'], '', 'sha256=', 'sha1=abc', legacy.slice(0, -2)]) {
        expect(check({ signature })).toMatchObject({ ok: false });
      }
    });

    it('refuses a body-only signature unless legacy signatures are allowed', () => {
      expect(check({ timestamp: undefined, signature: legacy })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/X-Agentdeck-Timestamp/) as unknown,
      });
      expect(check({ timestamp: undefined, signature: legacy, allowLegacy: true })).toEqual({
        ok: true,
        legacy: true,
      });
      // With a timestamp the new scheme applies, legacy or not.
      expect(check({ signature: legacy, allowLegacy: true })).toMatchObject({ ok: false });
    });
  });
});
