/**
 * Pure rules for applying what the server says to the console's cache (SYNC.md, "Applying events").
 */

/** What the cache holds for an entity: its version and whether it is a local, unacknowledged write. */
export interface CachedVersion {
  version: number;
  /** The commandId of the outbox entry that wrote this optimistic row, if any. */
  pendingCommandId?: string | undefined;
}

/** Where the incoming state comes from. */
export type IncomingSource =
  | { kind: 'event' }
  /** The ack of a command this console sent. */
  | { kind: 'answer'; commandId: string };

/**
 * Whether the incoming server state replaces the cached row. A newer version always wins; an
 * older or equal one is ignored, except that a pending optimistic row yields to the answer of
 * its own command, whatever version the server gave the entity.
 */
export function shouldReplace(
  cached: CachedVersion | undefined,
  incomingVersion: number,
  source: IncomingSource,
): boolean {
  if (!cached) return true;
  if (incomingVersion > cached.version) return true;
  return source.kind === 'answer' && cached.pendingCommandId === source.commandId;
}

/**
 * A live event at or before the position the cache already reached was applied by catch-up;
 * anything after it is applied now (version rules make a repeat harmless). The position itself
 * only moves through `sync:since`, which is ordered and complete: a live event never lets the
 * console jump over one it missed.
 */
export function isAlreadyCovered(lastSyncId: number, eventSyncId: number): boolean {
  return eventSyncId <= lastSyncId;
}

/** Events in log order, each syncId once. */
export function inLogOrder<E extends { syncId: number }>(events: readonly E[]): E[] {
  const seen = new Set<number>();
  return [...events]
    .sort((a, b) => a.syncId - b.syncId)
    .filter((e) => (seen.has(e.syncId) ? false : (seen.add(e.syncId), true)));
}
