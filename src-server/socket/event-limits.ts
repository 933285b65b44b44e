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
  admit(socketId: string, userId: string): Promise<Admission>;
}

/**
 * How many events a console socket may send: a budget per socket (counted on its node) and one
 * per user across all their sockets and nodes (shared through Redis when it is there), so one
 * signed-in client cannot take the server from everyone else. The per-socket budget is checked
 * first: a flood is refused from memory without a round trip to Redis per event.
 */
export function createSocketEventLimits(
  limits: RateLimits,
  settings: { perSocket: RateLimit; perUser: RateLimit },
): SocketEventLimits {
  const bySocket = limits.local('socket-events', settings.perSocket);
  const byUser = limits.shared('user-events', settings.perUser);
  const refusals = limits.local('socket-refusals', {
    points: REFUSALS_BEFORE_DISCONNECT,
    durationS: ABUSE_WINDOW_S,
  });
  return {
    async admit(socketId, userId) {
      const socketVerdict = await bySocket.take(socketId);
      const verdict = socketVerdict.isAllowed ? await byUser.take(userId) : socketVerdict;
      if (verdict.isAllowed) return { kind: 'allowed' };
      const strike = await refusals.take(socketId);
      return strike.isAllowed ? { kind: 'refused', retryAfterMs: verdict.retryAfterMs } : { kind: 'abusive' };
    },
  };
}
