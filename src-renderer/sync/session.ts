import { z } from 'zod';
import type { UserPublic } from '../../src-shared/protocol/auth';
import { wipeCache } from '../data/db';
import { claimCacheFor, readCachedUser } from '../data/meta-repository';
import { platform } from '../platform/current-platform';
import { resetUiState, useAppStore } from '../store/store';
import type { SignOutReason } from '../store/session-slice';
import { login, logout } from './auth-api';
import { MeResponse } from '../../src-shared/protocol/http';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { ApiRequestError, requestJson, ServerUnreachableError } from './http-client';
import { startLiveAgeKeeper, stopLiveAgeKeeper } from './live-age-keeper';
import { kickOutbox, stopOutbox } from './outbox-drainer';
import { startLink, stopLink } from './socket-link';
import { handleLiveEvent, stopSyncEngine, syncAfterConnect } from './sync-engine';
import {
  adoptTokens,
  onSessionRevoked,
  refreshAccessToken,
  SessionRevokedError,
  stopTokenRefresh,
} from './token-keeper';

const SERVER_URL_KEY = 'agentdeck.serverUrl';

/** The server URL last signed in to, if any. */
export function storedServerUrl(): string | null {
  return localStorage.getItem(SERVER_URL_KEY);
}

/** Signs in with a password and starts the live link. Throws ApiRequestError / ServerUnreachableError. */
export async function signIn(serverUrl: string, username: string, password: string): Promise<void> {
  const url = z
    .url({ protocol: /^https?$/ })
    .parse(serverUrl.trim())
    .replace(/\/+$/, '');
  useAppStore.setState({ serverUrl: url });
  const response = await login(url, username, password);
  localStorage.setItem(SERVER_URL_KEY, url);
  await claimCacheFor(response.user);
  await adoptTokens(response);
  enterSession(url, response.user);
}

/**
 * Reload or restart: the stored refresh token brings the session back. Without network the
 * person keeps working from the cache (writes go to the outbox) and the link connects later.
 */
export async function restoreSession(): Promise<void> {
  const serverUrl = storedServerUrl();
  const refreshToken = await platform.loadRefreshToken();
  if (!serverUrl || !refreshToken) return useAppStore.getState().setSignedOut(null);
  useAppStore.setState({ serverUrl });
  const cachedUser = await readCachedUser();
  try {
    await refreshAccessToken();
    const me = cachedUser ?? (await fetchMe(serverUrl));
    await claimCacheFor(me);
    enterSession(serverUrl, me);
  } catch (err) {
    if (err instanceof ServerUnreachableError && cachedUser) return enterSession(serverUrl, cachedUser);
    if (err instanceof SessionRevokedError) return signOutLocally('expired');
    await platform.clearRefreshToken();
    useAppStore.getState().setSignedOut(null);
  }
}

async function fetchMe(serverUrl: string): Promise<UserPublic> {
  const { user } = await requestJson(serverUrl, API_ROUTES.me, MeResponse, {
    token: useAppStore.getState().token,
  });
  return user;
}

function enterSession(serverUrl: string, user: UserPublic): void {
  const { token, expiresAt } = useAppStore.getState();
  useAppStore.getState().setSignedIn({ serverUrl, user, token, expiresAt });
  onSessionRevoked(() => void signOutLocally('expired'));
  startLiveAgeKeeper();
  startLink({
    onConnected: () => {
      void syncAfterConnect().finally(kickOutbox);
    },
    onEvent: (event) => void handleLiveEvent(event),
    onSessionEnded: (reason) => void signOutLocally(reason === 'refresh_failed' ? 'expired' : reason),
  });
}

/** "Sign out": tells the server (best effort: offline, the session still ends here), then wipes. */
export async function signOut(): Promise<void> {
  const { serverUrl, token } = useAppStore.getState();
  const refreshToken = await platform.loadRefreshToken();
  // Close the link first: the server's session:ended notice for our own sign-out is no news.
  stopLink();
  if (token) await logout(serverUrl, token, refreshToken).catch(() => undefined);
  await signOutLocally(null);
}

/**
 * Ends the session on this console: link closed, refresh token and the whole cache gone.
 * `reason` is shown on the sign-in screen when the person did not ask for it.
 */
export async function signOutLocally(reason: SignOutReason | null): Promise<void> {
  // Before the link closes: leaving online must not write into the cache being wiped.
  stopLiveAgeKeeper();
  stopLink();
  stopSyncEngine();
  stopOutbox();
  stopTokenRefresh();
  await platform.clearRefreshToken();
  await wipeCache();
  resetUiState();
  useAppStore.getState().setSignedOut(reason);
}

/** Sign-in errors the screen distinguishes. */
export type SignInProblem =
  'wrong_credentials' | 'rate_limited' | 'unreachable' | 'invalid_server' | 'unknown';

export function signInProblemOf(err: unknown): SignInProblem {
  if (err instanceof ServerUnreachableError) return 'unreachable';
  if (err instanceof z.ZodError) return 'invalid_server';
  if (err instanceof ApiRequestError) {
    if (err.status === 401 || err.status === 400) return 'wrong_credentials';
    if (err.status === 429) return 'rate_limited';
  }
  return 'unknown';
}
