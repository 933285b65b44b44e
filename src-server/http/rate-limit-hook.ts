import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors';
import type { Limiter } from '../platform/rate-limits';

/**
 * A route hook that counts each request against `limiter` under the key `keyOf` gives it; over
 * the limit it answers 429 `rate_limited` with `Retry-After` (seconds) and `details.retryAfterMs`.
 */
export function limitRequests(limiter: Limiter, keyOf: (req: FastifyRequest) => string) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const verdict = await limiter.take(keyOf(req));
    if (verdict.isAllowed) return;
    reply.header('retry-after', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
    throw new AppError('rate_limited', 'Too many attempts; wait a minute', {
      retryAfterMs: verdict.retryAfterMs,
    });
  };
}
