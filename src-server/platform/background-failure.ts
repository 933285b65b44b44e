import { isDatabaseUnavailable } from './errors';

interface FailureLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Logs a failure of background work that runs again by itself (a routing pass, a sweep, the KPI
 * projection, the board's push). The database out of reach for a moment — its pool exhausted
 * under a burst, a failover, a restart — is a warning: the next run catches up from the rows.
 * Anything else is an error someone should look at.
 */
export function logBackgroundFailure(log: FailureLog, err: unknown, what: string): void {
  if (isDatabaseUnavailable(err)) log.warn({ err }, `${what}: database unavailable, the next run catches up`);
  else log.error({ err }, what);
}
