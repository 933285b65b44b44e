import { fail } from '../../src-shared/protocol/envelope';
import { pass, type GateVerdict } from './socket-events';
import type { RateLimit, RateLimits } from '../platform/rate-limits';

/** Refusals a socket may collect in `ABUSE_WINDOW_S` before it is disconnected. */
const REFUSALS_BEFORE_DISCONNECT = 100;
const ABUSE_WINDOW_S = 10;

export type Admission =
  | { kind: 'allowed' }
  | { kind: 'refused'; retryAfterMs: number }
  /** Kept flooding after being told to slow down: the socket is to be disconnected. */
  | { kind: 'abusive' };

export interface SocketEventLimits {
  /** Counts one event of the socket (and of its user, when it has one and a budget is set). */
  admit(socketId: string, userId?: string): Promise<Admission>;
}

/**
 * How many events a socket may send: a budget per socket (counted on its node) and, for a
 * signed-in console, one per user across all their sockets and nodes (shared through Redis when
 * it is there), so one client cannot take the server from everyone else. The per-socket budget is
 * checked first: a flood is refused from memory without a round trip to Redis per event.
 */
export function createSocketEventLimits(
  limits: RateLimits,
  settings: { perSocket: RateLimit; perUser?: RateLimit },
): SocketEventLimits {
  const bySocket = limits.local('socket-events', settings.perSocket);
  const byUser = settings.perUser ? limits.shared('user-events', settings.perUser) : null;
  const refusals = limits.local('socket-refusals', {
    points: REFUSALS_BEFORE_DISCONNECT,
    durationS: ABUSE_WINDOW_S,
  });
  return {
    async admit(socketId, userId) {
      const socketVerdict = await bySocket.take(socketId);
      const verdict =
        socketVerdict.isAllowed && byUser && userId !== undefined ? await byUser.take(userId) : socketVerdict;
      if (verdict.isAllowed) return { kind: 'allowed' };
      const strike = await refusals.take(socketId);
      return strike.isAllowed ? { kind: 'refused', retryAfterMs: verdict.retryAfterMs } : { kind: 'abusive' };
    },
  };
}

/**
 * What a gate answers for an admission: go on; refused with when to retry; or, for a socket that
 * kept flooding, nothing — the socket is ended with `endAbusive`.
 */
export function admissionVerdict(admission: Admission, endAbusive: () => void): GateVerdict<null> {
  if (admission.kind === 'allowed') return pass(null);
  if (admission.kind === 'refused') {
    return {
      kind: 'refuse',
      answer: fail('rate_limited', 'Too many events on this connection; slow down', {
        retryAfterMs: admission.retryAfterMs,
      }),
    };
  }
  return { kind: 'drop', end: endAbusive };
}
