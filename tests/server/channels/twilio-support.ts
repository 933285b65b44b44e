import { createHmac } from 'node:crypto';

export const TWILIO_TOKEN = 'test-twilio-token-42';
export const PUBLIC_URL = 'https://agentdeck.example.com';
export const VOICE_PATH = '/api/v1/channels/voice/twilio';
export const STATUS_PATH = '/api/v1/channels/voice/twilio/status';

/**
 * Twilio's documented algorithm, written here on its own: base64(HMAC-SHA1(token, url + each
 * POST parameter's name and value, sorted by name)).
 */
export function signTwilio(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/** POSTs form parameters as Twilio does, signed for `signedUrl` (the URL Twilio believes it called). */
export async function postTwilio(
  baseUrl: string,
  pathAndQuery: string,
  params: Record<string, string>,
  options: { signedUrl?: string; token?: string; signature?: string | null } = {},
): Promise<{ status: number; type: string; text: string }> {
  const signedUrl = options.signedUrl ?? `${PUBLIC_URL}${pathAndQuery}`;
  const signature =
    options.signature === undefined
      ? signTwilio(options.token ?? TWILIO_TOKEN, signedUrl, params)
      : options.signature;
  const res = await fetch(`${baseUrl}${pathAndQuery}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}
