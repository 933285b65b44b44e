import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** At most `points` hits per key in each `durationS`-second window. */
export interface RateLimit {
  points: number;
  durationS: number;
}

export type Verdict = { isAllowed: true } | { isAllowed: false; retryAfterMs: number };

export interface Limiter {
  /** Counts one hit for the key; refused when the key has used up its window. */
  take(key: string): Promise<Verdict>;
}

/** A Redis connection (node-redis) and the prefix under which this deployment keeps its counters. */
export interface SharedLimitStore {
  client: object;
  keyPrefix: string;
}

export interface RateLimits {
  /** True when counters live in Redis, shared by every node. */
  readonly isShared: boolean;
  /** A limiter shared by all nodes when Redis is there, else counted in this process. */
  shared(name: string, limit: RateLimit): Limiter;
  /** A limiter counted in this process only (for keys that live on one node, such as a socket). */
  local(name: string, limit: RateLimit): Limiter;
}

function limiterOf(rlf: RateLimiterAbstract): Limiter {
  return {
    async take(key) {
      try {
        await rlf.consume(key);
        return { isAllowed: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) return { isAllowed: false, retryAfterMs: err.msBeforeNext };
        throw err;
      }
    },
  };
}

/**
 * Rate limits built on rate-limiter-flexible. With a Redis store the counters are shared by all
 * nodes (so ten connections spread over two nodes count as ten); while Redis is away each node
 * falls back to counting in its own memory rather than letting everything through.
 */
export function createRateLimits(store?: SharedLimitStore): RateLimits {
  const local = (name: string, { points, durationS }: RateLimit) =>
    limiterOf(new RateLimiterMemory({ keyPrefix: name, points, duration: durationS }));
  return {
    isShared: store !== undefined,
    local,
    shared(name, limit) {
      if (!store) return local(name, limit);
      return limiterOf(
        new RateLimiterRedis({
          storeClient: store.client,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          keyPrefix: `${store.keyPrefix}:${name}`,
          points: limit.points,
          duration: limit.durationS,
          insuranceLimiter: new RateLimiterMemory({
            keyPrefix: name,
            points: limit.points,
            duration: limit.durationS,
          }),
        }),
      );
    },
  };
}
