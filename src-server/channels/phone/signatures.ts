import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a CTI request's timestamp may be from the server's clock, either way. */
export const CTI_TOLERANCE_SECONDS = 300;

/**
 * `sha256=<hex>`: HMAC-SHA256 of `"<timestamp>.<raw body>"`, the generic CTI's signature both ways
 * (as Stripe signs webhooks): the time is covered too, so a captured request goes stale.
 */
export function ctiSignature(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return `sha256=${signatureBytes(secret, `${timestamp}.`, rawBody).toString('hex')}`;
}

function signatureBytes(secret: string, prefix: string, rawBody: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(prefix).update(rawBody).digest();
}

export type CtiSignatureCheck = { ok: true; legacy: boolean } | { ok: false; reason: string };

/**
 * Checks a CTI request's `X-Agentdeck-Signature` against its `X-Agentdeck-Timestamp` and raw
 * bytes, in constant time. Without a timestamp only a body-only signature could match, which
 * is taken just while `allowLegacy` (AGENTDECK_CTI_LEGACY_SIGNATURES) is on, for a migration.
 */
export function checkCtiSignature(input: {
  secret: string;
  rawBody: Buffer;
  signature: unknown;
  timestamp: unknown;
  nowSeconds: number;
  allowLegacy: boolean;
}): CtiSignatureCheck {
  const given =
    typeof input.signature === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(input.signature.trim()) : null;
  if (!given?.[1]) return { ok: false, reason: 'Missing or malformed X-Agentdeck-Signature' };
  const signature = Buffer.from(given[1], 'hex');
  if (input.timestamp === undefined) {
    if (!input.allowLegacy) {
      return {
        ok: false,
        reason: 'Missing X-Agentdeck-Timestamp: sign "<timestamp>.<body>" (docs/PHONE.md)',
      };
    }
    const matches = timingSafeEqual(signatureBytes(input.secret, '', input.rawBody), signature);
    return matches ? { ok: true, legacy: true } : { ok: false, reason: 'Wrong X-Agentdeck-Signature' };
  }
  const timestamp = typeof input.timestamp === 'string' ? input.timestamp.trim() : '';
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'X-Agentdeck-Timestamp must be a time in unix seconds' };
  }
  if (Math.abs(input.nowSeconds - Number(timestamp)) > CTI_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: `X-Agentdeck-Timestamp is more than ${CTI_TOLERANCE_SECONDS} s from the server's clock`,
    };
  }
  const matches = timingSafeEqual(signatureBytes(input.secret, `${timestamp}.`, input.rawBody), signature);
  return matches ? { ok: true, legacy: false } : { ok: false, reason: 'Wrong X-Agentdeck-Signature' };
}

/**
 * Twilio's request signature: base64 of HMAC-SHA1 (auth token) over the full URL Twilio called
 * followed by every POST parameter's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: [string, string][]): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const data = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function isValidTwilioSignature(
  authToken: string,
  url: string,
  params: [string, string][],
  header: unknown,
): boolean {
  if (typeof header !== 'string' || header.length === 0 || header.length > 200) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), 'base64');
  const given = Buffer.from(header.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(expected, given);
}
