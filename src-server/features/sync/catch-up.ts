import type { Db } from '../../db/database';
import type { SinceRequest, SinceResponse, Snapshot } from '../../../src-shared/protocol/sync';
import type { Actor } from '../auth/actor';
import { latestSyncId, readEventsSince, withoutAudience } from './event-log';

/**
 * Where each part of a snapshot comes from, scoped to the actor. The features that own the parts
 * fill this in (see socket/snapshot-sources.ts), so the sync spine imports none of them.
 */
export type SnapshotSources = {
  [K in keyof Snapshot]: (db: Db, actor: Actor) => Promise<Snapshot[K]>;
};

const DEFAULT_PAGE = 500;
/** A page also stops once its payloads pass this size (at least one event per page). */
export const MAX_PAGE_BYTES = 512 * 1024;

/**
 * `sync:since`: the events after the console's position that this actor may see, in pages.
 * A console with no position, or one beyond the log (a server whose data was reset), gets a
 * snapshot of its scope instead. The position is read first and caps the page, so a page never
 * reports a position past an event it did not include.
 */
export async function catchUp(
  db: Db,
  actor: Actor,
  request: SinceRequest,
  sources: SnapshotSources,
): Promise<SinceResponse> {
  const latest = await latestSyncId(db);
  if (request.lastSyncId === 0 || request.lastSyncId > latest) {
    const [agents, queues, teams, skills, contacts, alerts] = await Promise.all([
      sources.agents(db, actor),
      sources.queues(db, actor),
      sources.teams(db, actor),
      sources.skills(db, actor),
      sources.contacts(db, actor),
      sources.alerts(db, actor),
    ]);
    return {
      events: [],
      lastSyncId: latest,
      hasMore: false,
      snapshot: { agents, queues, teams, skills, contacts, alerts },
    };
  }
  const scope = {
    userId: actor.id,
    teamIds: actor.teamIds,
    queueIds: actor.queueIds,
    roles: actor.roles,
  };
  const page = await readEventsSince(db, scope, request.lastSyncId, latest, request.limit ?? DEFAULT_PAGE);
  const kept = upToBytes(page.events, MAX_PAGE_BYTES);
  const hasMore = page.hasMore || kept.length < page.events.length;
  const last = kept.at(-1);
  return {
    events: kept.map(withoutAudience),
    lastSyncId: hasMore && last ? last.syncId : latest,
    hasMore,
  };
}

/** The leading events whose payloads fit in `maxBytes` (the first one always: a page moves on). */
function upToBytes<E extends { payload: unknown }>(events: E[], maxBytes: number): E[] {
  let bytes = 0;
  for (const [index, event] of events.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(event.payload));
    if (bytes > maxBytes && index > 0) return events.slice(0, index);
  }
  return events;
}
