import { backoffDelayMs } from '../../src-shared/domain/backoff';
import type { Database } from './database';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DatabaseHealth {
  /** Whether the database answered the last time anyone looked. */
  isAvailable(): boolean;
  /** A fresh look, for /readyz: false while it is away (a failed look marks it away). */
  check(): Promise<boolean>;
  stop(): void;
}

/** How long a look may take before the database counts as away. */
const PING_TIMEOUT_MS = 3_000;
const RETRY_BACKOFF = { firstMs: 500, maxMs: 5_000 };

/** Waits between looks while the database is away: at once, then 0.5 s, 1 s, 2 s … at most 5 s. */
export function retryDelayMs(failedLooks: number): number {
  return failedLooks === 0 ? 0 : backoffDelayMs(RETRY_BACKOFF, failedLooks);
}

/**
 * Follows whether the database is reachable. A broken connection marks it away; from then on it
 * is looked at with backoff until it answers again, and /readyz answers 503 meanwhile, so a load
 * balancer sends people to a node that can serve them. Requests are not held back: the pools open
 * new connections on demand, and whatever fails meanwhile fails with a retryable `unavailable`.
 */
export function watchDatabaseHealth(database: Database, log: Log): DatabaseHealth {
  let isAvailable = true;
  let failedLooks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const ping = () =>
    new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error('the database did not answer in time')),
        PING_TIMEOUT_MS,
      );
      database
        .ping()
        .then(resolve, reject)
        .finally(() => clearTimeout(timeout));
    });

  function scheduleLook(): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      ping().then(
        () => {
          isAvailable = true;
          log.info({ afterLooks: failedLooks }, 'the database is reachable again');
          failedLooks = 0;
        },
        () => {
          failedLooks += 1;
          scheduleLook();
        },
      );
    }, retryDelayMs(failedLooks));
    timer.unref();
  }

  function markAway(err: unknown): void {
    if (!isAvailable) return;
    isAvailable = false;
    log.warn({ err }, 'the database connection broke; retrying with backoff');
    scheduleLook();
  }

  database.onConnectionError(markAway);

  return {
    isAvailable: () => isAvailable,
    async check() {
      if (!isAvailable) return false;
      try {
        await ping();
        return true;
      } catch (err) {
        markAway(err);
        return false;
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
