import { writeLiveUntil } from '../data/meta-repository';
import { useAppStore } from '../store/store';

/** While online the cache is live; this often the console writes down that it still is. */
const HEARTBEAT_MS = 30_000;

let heartbeat: ReturnType<typeof setInterval> | undefined;
let unsubscribe: (() => void) | null = null;

/**
 * Keeps "the cache matched the server until" current: every half minute while online and at the
 * moment the link leaves online. A console started without network reads it to say how old its
 * data is, instead of showing the cache as if it were live.
 */
export function startLiveAgeKeeper(): void {
  stopLiveAgeKeeper();
  heartbeat = setInterval(() => {
    if (useAppStore.getState().connection === 'online') void writeLiveUntil(Date.now());
  }, HEARTBEAT_MS);
  unsubscribe = useAppStore.subscribe((state, previous) => {
    if (previous.connection === 'online' && state.connection !== 'online') void writeLiveUntil(Date.now());
  });
}

export function stopLiveAgeKeeper(): void {
  clearInterval(heartbeat);
  unsubscribe?.();
  unsubscribe = null;
}
