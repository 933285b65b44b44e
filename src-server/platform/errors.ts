import type { ApiError, ErrorCode } from '../../src-shared/protocol/envelope';

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** An expected refusal: becomes an HTTP 4xx or a socket ack `{ok:false,error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code];

/** Postgres unique violation, as raised by pg and PGlite (drizzle wraps it as the `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/** Network errors of a connection to the database that a later attempt may not meet. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: terminated by an administrator, crash shutdown, starting up or shutting down, full.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** What node-postgres says (without a code) when a connection breaks or cannot be made in time. */
const CONNECTION_ERROR_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|not currently accepting connections/i;

/**
 * Whether a failure means the database could not be reached (a failover, a restart, a network
 * blip) rather than that the statement was wrong: the same request may succeed in a moment.
 * Walks the `cause` chain, as Drizzle wraps the driver's error.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    // SQLSTATE class 08: connection exception.
    if (CONNECTION_ERROR_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (e instanceof Error && CONNECTION_ERROR_MESSAGE.test(e.message)) return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}
