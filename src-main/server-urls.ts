import { z } from 'zod';

export const DEFAULT_SERVER_URL = 'http://localhost:7400';

const ServerUrl = z.url({ protocol: /^https?$/ });

/**
 * The server URLs the console may talk to, from `AGENTDECK_SERVER_URL` (one URL, or several
 * separated by commas for failover; the first is the console's default). Anything that is not an
 * http(s) URL is ignored so a typo cannot widen the content security policy.
 */
export function serverUrlsFrom(env: Record<string, string | undefined>): string[] {
  const listed = (env.AGENTDECK_SERVER_URL ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => ServerUrl.safeParse(part).success);
  return listed.length > 0 ? listed : [DEFAULT_SERVER_URL];
}
