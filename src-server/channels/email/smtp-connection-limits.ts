import { clientKey } from '../../platform/client-key';

/** Open connections per client, and whether one more may come in. */
export interface ConnectionLimits {
  /** Counts the session against its client, or answers false (and counts nothing) when it is full. */
  admit(address: string, sessionId: string): boolean;
  /** The session ended; a session never admitted is ignored. */
  release(address: string, sessionId: string): void;
}

export function connectionLimits(perClient: number): ConnectionLimits {
  const open = new Map<string, Set<string>>();
  return {
    admit(address, sessionId) {
      const key = clientKey(address);
      const sessions = open.get(key) ?? new Set<string>();
      if (sessions.size >= perClient) return false;
      sessions.add(sessionId);
      open.set(key, sessions);
      return true;
    },
    release(address, sessionId) {
      const key = clientKey(address);
      const sessions = open.get(key);
      if (!sessions?.delete(sessionId)) return;
      if (sessions.size === 0) open.delete(key);
    },
  };
}

/** Idle time allowed normally (smtp-server's own default) and while the listener is near its cap. */
export const IDLE_TIMEOUT_MS = 60_000;
export const IDLE_TIMEOUT_NEAR_CAP_MS = 10_000;

/** Near the cap from four fifths of it: idle connections then make room for senders sooner. */
export function idleTimeoutMs(openConnections: number, cap: number): number {
  return openConnections * 5 >= cap * 4 ? IDLE_TIMEOUT_NEAR_CAP_MS : IDLE_TIMEOUT_MS;
}
