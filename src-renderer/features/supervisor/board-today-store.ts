import { useEffect, useSyncExternalStore } from 'react';
import { BoardToday } from '../../../src-shared/protocol/board-today';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { authorizedRequest } from '../../sync/authorized-request';
import { onPush } from '../../sync/socket-link';

/**
 * Today's board figures as the server last pushed them (`board:today`: on every (re)connect and
 * after each change). Read once over HTTP when the board opens after the connect's push went by.
 */
let latest: BoardToday | null = null;
let isListening = false;
const subscribers = new Set<() => void>();

function take(figures: BoardToday): void {
  if (latest && figures.at < latest.at) return; // an older read arriving late
  latest = figures;
  subscribers.forEach((notify) => notify());
}

function listen(): void {
  if (isListening) return;
  isListening = true;
  onPush(SOCKET_EVENTS.boardToday, (raw) => {
    const parsed = BoardToday.safeParse(raw);
    if (parsed.success) take(parsed.data);
  });
}

function subscribe(subscriber: () => void): () => void {
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}

/** The pushed figures; undefined until the first arrives. */
export function useBoardToday(): BoardToday | undefined {
  useEffect(() => {
    listen();
    if (latest === null) {
      authorizedRequest(API_ROUTES.boardToday, BoardToday)
        .then(take)
        .catch(() => undefined); // offline: the push on reconnecting brings them
    }
  }, []);
  return useSyncExternalStore(subscribe, () => latest) ?? undefined;
}
