import { createHmac } from 'node:crypto';

/**
 * How a phone system signs what it sends the generic CTI webhook (and how the server signs the
 * call controls it sends back), written on its own from the documented scheme (docs/PHONE.md),
 * as Stripe signs its webhooks: the HMAC covers the time as well as the bytes, so a captured
 * request is only good for five minutes. The simulator, the tests and the benchmarks all sign
 * with this one helper.
 */
export const CTI_SIGNATURE_HEADER = 'x-agentdeck-signature';
export const CTI_TIMESTAMP_HEADER = 'x-agentdeck-timestamp';

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` keyed by the shared secret. */
export function ctiSignature(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

/** The two headers that go with `rawBody`, signed at `timestamp` (unix seconds; default now). */
export function signedCtiHeaders(
  secret: string,
  rawBody: string | Buffer,
  timestamp: number = nowSeconds(),
): Record<string, string> {
  return {
    [CTI_TIMESTAMP_HEADER]: String(timestamp),
    [CTI_SIGNATURE_HEADER]: ctiSignature(secret, timestamp, rawBody),
  };
}
