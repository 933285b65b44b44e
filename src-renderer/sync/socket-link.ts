import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { ackSchema, type Ack } from '../../src-shared/protocol/envelope';
import { SOCKET_EVENTS, SessionEnded } from '../../src-shared/protocol/socket-events';
import { SyncEvent } from '../../src-shared/protocol/sync';
import { useAppStore } from '../store/store';
import { onTokenRenewed, refreshAccessToken, SessionRevokedError } from './token-keeper';

/** How long an emit waits for its ack before the attempt counts as unanswered. */
export const ACK_TIMEOUT_MS = 10_000;
const RETRY_CONNECT_MS = 5_000;

export interface LinkHandlers {
  onConnected(): void;
  onEvent(event: SyncEvent): void;
  onSessionEnded(reason: SessionEnded['reason'] | 'refresh_failed'): void;
}

/** The emit did not get an answer in time, or the socket is down. */
export class NoAnswerError extends Error {
  constructor(message = 'No answer from the server') {
    super(message);
    this.name = 'NoAnswerError';
  }
}

let socket: Socket | null = null;
let handlers: LinkHandlers | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let unsubscribeRenew: (() => void) | null = null;
/** Listeners for pushes other than sync events (a chat visitor typing), kept across reconnects. */
const pushListeners = new Map<string, Set<(raw: unknown) => void>>();

/** Listens to a live, unstored server push by name; returns the way to stop listening. */
export function onPush(event: string, listener: (raw: unknown) => void): () => void {
  const listeners = pushListeners.get(event) ?? new Set();
  pushListeners.set(event, listeners);
  listeners.add(listener);
  socket?.on(event, listener);
  return () => {
    listeners.delete(listener);
    socket?.off(event, listener);
  };
}

const setStatus = (status: 'online' | 'reconnecting' | 'offline') =>
  useAppStore.getState().setConnection(status);

/** Opens the realtime link (getting a token first if this console has none, e.g. after an offline start). */
export function startLink(linkHandlers: LinkHandlers): void {
  stopLink();
  handlers = linkHandlers;
  window.addEventListener('offline', handleOffline);
  window.addEventListener('online', handleOnline);
  unsubscribeRenew = onTokenRenewed((token) => void renewSocketToken(token));
  void connect();
}

/** Closes the link for good (sign-out). */
export function stopLink(): void {
  clearTimeout(retryTimer);
  window.removeEventListener('offline', handleOffline);
  window.removeEventListener('online', handleOnline);
  unsubscribeRenew?.();
  unsubscribeRenew = null;
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  handlers = null;
  setStatus('offline');
}

export function isLinkConnected(): boolean {
  return socket?.connected === true;
}

/** Emits and waits for a `{ok,data}|{ok,error}` ack parsed against `data`; NoAnswerError on silence. */
export async function request<S extends z.ZodType>(
  event: string,
  payload: unknown,
  data: S,
): Promise<Ack<z.infer<S>>> {
  const current = socket;
  if (!current?.connected) throw new NoAnswerError('Not connected');
  let answer: unknown;
  try {
    answer = await current.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
  } catch {
    throw new NoAnswerError();
  }
  const parsed = ackSchema(data).safeParse(answer);
  if (!parsed.success)
    throw new NoAnswerError('The server answered something this console does not understand');
  return parsed.data as Ack<z.infer<S>>;
}

async function connect(): Promise<void> {
  clearTimeout(retryTimer);
  if (!handlers) return;
  if (!navigator.onLine) return setStatus('offline');
  setStatus('reconnecting');
  if (!useAppStore.getState().token) {
    try {
      await refreshAccessToken();
    } catch (err) {
      if (err instanceof SessionRevokedError) return handlers?.onSessionEnded('refresh_failed');
      // The server cannot be reached (a start without network): offline, not "reconnecting".
      setStatus('offline');
      retryTimer = setTimeout(() => void connect(), RETRY_CONNECT_MS);
      return;
    }
  }
  if (!handlers) return;
  if (socket) {
    socket.connect();
    return;
  }
  socket = io(useAppStore.getState().serverUrl, {
    // A function: every reconnection attempt presents the newest token.
    auth: (cb) => cb({ token: useAppStore.getState().token ?? '' }),
    transports: ['websocket'],
  });
  wire(socket);
}

function wire(s: Socket): void {
  for (const [event, listeners] of pushListeners) for (const listener of listeners) s.on(event, listener);
  s.on('connect', () => handlers?.onConnected());
  s.on('disconnect', (reason) => {
    setStatus(navigator.onLine ? 'reconnecting' : 'offline');
    // The server closed us without a session:ended notice (e.g. a restart): dial again.
    if (reason === 'io server disconnect') retryTimer = setTimeout(() => void connect(), RETRY_CONNECT_MS);
  });
  s.on('connect_error', (err) => {
    // Transport trouble means the server is out of reach: offline until socket.io's own retry
    // gets through. Only a refused token is a reconnection under way.
    if (err.message !== 'unauthenticated') return setStatus('offline');
    setStatus('reconnecting');
    refreshAccessToken().then(
      () => s.connect(),
      (refreshErr: unknown) => {
        if (refreshErr instanceof SessionRevokedError) handlers?.onSessionEnded('refresh_failed');
        else retryTimer = setTimeout(() => void connect(), RETRY_CONNECT_MS);
      },
    );
  });
  s.on(SOCKET_EVENTS.sessionEnded, (raw: unknown) => {
    const parsed = SessionEnded.safeParse(raw);
    handlers?.onSessionEnded(parsed.success ? parsed.data.reason : 'signed_out');
  });
  s.on(SOCKET_EVENTS.syncEvent, (raw: unknown) => {
    const parsed = SyncEvent.safeParse(raw);
    if (parsed.success) handlers?.onEvent(parsed.data);
  });
}

/** Marks the link online once catch-up has brought the cache level with the server. */
export function markOnline(): void {
  if (socket?.connected) setStatus('online');
}

async function renewSocketToken(token: string): Promise<void> {
  if (!socket?.connected) return;
  await request(SOCKET_EVENTS.sessionRenew, { token }, z.unknown()).catch(() => undefined);
}

/**
 * After an ack said the token expired: a fresh token, handed to the live socket before anything
 * is resent — otherwise the resend could overtake the renewal and be refused again.
 */
export async function refreshAndRenew(): Promise<void> {
  await renewSocketToken(await refreshAccessToken());
}

// The browser knows first when the network goes: drop the socket at once rather than waiting
// for a ping timeout, and dial again as soon as the network is back.
function handleOffline(): void {
  socket?.disconnect();
  setStatus('offline');
}

function handleOnline(): void {
  void connect();
}
