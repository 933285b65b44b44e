import { isAlreadyCovered } from '../../src-shared/domain/apply-event';
import { singleFlight } from '../../src-shared/domain/single-flight';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { SinceResponse, type SyncEvent } from '../../src-shared/protocol/sync';
import { readLastSyncId } from '../data/meta-repository';
import { applyLiveEvent, applySincePage } from '../data/sync-repository';
import { markOnline, refreshAndRenew, request } from './socket-link';

const PAGE_SIZE = 500;
/** A burst of live events triggers one catch-up shortly after, not one per event. */
const CATCH_UP_DEBOUNCE_MS = 300;

let debounce: ReturnType<typeof setTimeout> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
const RETRY_MS = 5_000;

/** One catch-up at a time; a request during one makes it run once more right after. */
const catchingUp = singleFlight(catchUpOnce);

/**
 * Brings the cache level with the server log: `sync:since` from the cached position, page after
 * page. One run at a time; a request during a run schedules one more run right after it.
 */
export function catchUp(): Promise<void> {
  return catchingUp.run();
}

async function catchUpOnce(): Promise<void> {
  let hasMore = true;
  while (hasMore) {
    const lastSyncId = await readLastSyncId();
    const ack = await request(SOCKET_EVENTS.syncSince, { lastSyncId, limit: PAGE_SIZE }, SinceResponse);
    if (!ack.ok && ack.error.code === 'unauthenticated') {
      await refreshAndRenew();
      continue;
    }
    if (!ack.ok) throw new Error(`sync:since refused: ${ack.error.message}`);
    await applySincePage(ack.data);
    hasMore = ack.data.hasMore;
  }
}

/**
 * A pushed event shows at once; then an ordered catch-up fills any event this console may have
 * missed and moves the position (live pushes alone cannot prove nothing was skipped).
 */
export async function handleLiveEvent(event: SyncEvent): Promise<void> {
  if (isAlreadyCovered(await readLastSyncId(), event.syncId)) return;
  await applyLiveEvent(event);
  clearTimeout(debounce);
  debounce = setTimeout(() => void catchUp().catch(() => undefined), CATCH_UP_DEBOUNCE_MS);
}

/** After (re)connecting: catch up, then show Online; a failed catch-up is tried again shortly. */
export async function syncAfterConnect(): Promise<void> {
  try {
    await catchUp();
    markOnline();
  } catch {
    clearTimeout(retry);
    retry = setTimeout(() => void syncAfterConnect(), RETRY_MS);
  }
}

export function stopSyncEngine(): void {
  clearTimeout(debounce);
  clearTimeout(retry);
}
