import { z } from 'zod';
import { UserPublic } from '../../src-shared/protocol/auth';
import { db, wipeCache } from './db';

const LAST_SYNC_ID = 'lastSyncId';
const CACHED_USER = 'user';
const LIVE_UNTIL = 'liveUntil';

/** How far the cache has caught up with the server's event log (0: never). */
export async function readLastSyncId(): Promise<number> {
  const row = await db.meta.get(LAST_SYNC_ID);
  const parsed = z.number().int().nonnegative().safeParse(row?.value);
  return parsed.success ? parsed.data : 0;
}

/** Moves the position; called only inside the transaction that applied the events up to it. */
export async function writeLastSyncId(lastSyncId: number): Promise<void> {
  await db.meta.put({ key: LAST_SYNC_ID, value: lastSyncId });
}

/** When the cache was last known to match the server (epoch ms), or null if it never was. */
export async function readLiveUntil(): Promise<number | null> {
  const row = await db.meta.get(LIVE_UNTIL);
  const parsed = z.number().nonnegative().safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Records that the cache matched the server at `at` (a catch-up, or the link still online). */
export async function writeLiveUntil(at: number): Promise<void> {
  await db.meta.put({ key: LIVE_UNTIL, value: at });
}

/** Who the cache belongs to, if anyone (lets a restart without network open the console). */
export async function readCachedUser(): Promise<UserPublic | null> {
  const row = await db.meta.get(CACHED_USER);
  const parsed = UserPublic.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Makes the cache this person's: another person's cache (and their unsent writes) never shows
 * to or leaves as someone else.
 */
export async function claimCacheFor(user: UserPublic): Promise<void> {
  const cached = await readCachedUser();
  if (cached && cached.id !== user.id) await wipeCache();
  await db.meta.put({ key: CACHED_USER, value: user });
}
