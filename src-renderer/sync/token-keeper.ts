import type { LoginResponse } from '../../src-shared/protocol/auth';
import { platform } from '../platform/current-platform';
import { useAppStore } from '../store/store';
import { refresh } from './auth-api';
import { ApiRequestError } from './http-client';

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
const RETRY_AFTER_NETWORK_ERROR_MS = 15_000;

/** The server no longer accepts this session's refresh token (revoked, expired, account disabled). */
export class SessionRevokedError extends Error {
  constructor() {
    super('The session was revoked');
    this.name = 'SessionRevokedError';
  }
}

type Listener = (token: string) => void;
const renewListeners = new Set<Listener>();
let revokedListener: (() => void) | null = null;
let inflight: Promise<string> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Called with every new access token (the socket link renews its live socket with it). */
export function onTokenRenewed(listener: Listener): () => void {
  renewListeners.add(listener);
  return () => renewListeners.delete(listener);
}

/** Called when a background refresh finds the session revoked. */
export function onSessionRevoked(listener: () => void): void {
  revokedListener = listener;
}

/** Takes a sign-in or refresh answer: token to memory, refresh token to durable storage, next refresh planned. */
export async function adoptTokens(response: LoginResponse): Promise<void> {
  await platform.saveRefreshToken(response.refreshToken);
  const expiresAt = Date.now() + response.expiresIn * 1_000;
  useAppStore.getState().setToken(response.token, expiresAt);
  schedule(Math.max(5_000, expiresAt - Date.now() - REFRESH_AHEAD_MS));
  for (const listener of renewListeners) listener(response.token);
}

/**
 * A fresh access token from the stored refresh token. One refresh at a time: refresh tokens
 * rotate, so two concurrent refreshes would spend the same token twice and end the session.
 */
export function refreshAccessToken(): Promise<string> {
  inflight ??= (async () => {
    try {
      const stored = await platform.loadRefreshToken();
      if (!stored) throw new SessionRevokedError();
      try {
        const response = await refresh(useAppStore.getState().serverUrl, stored);
        await adoptTokens(response);
        return response.token;
      } catch (err) {
        if (err instanceof ApiRequestError && (err.status === 401 || err.status === 403))
          throw new SessionRevokedError();
        throw err;
      }
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** Stops planned refreshes (sign-out). */
export function stopTokenRefresh(): void {
  clearTimeout(timer);
  timer = undefined;
}

function schedule(delayMs: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    refreshAccessToken().catch((err: unknown) => {
      if (err instanceof SessionRevokedError) revokedListener?.();
      else schedule(RETRY_AFTER_NETWORK_ERROR_MS);
    });
  }, delayMs);
}
