import { and, asc, gt, lte, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { events } from '../../db/schema';
import { SyncEvent } from '../../../src-shared/protocol/sync';
import type { Role } from '../../../src-shared/protocol/auth';

/** Who may see an event: anyone matching any one list. */
export interface Audience {
  users?: string[];
  teams?: string[];
  queues?: string[];
  roles?: Role[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a command produces it, before the log gives it a position. */
export type NewEvent = DistributiveOmit<SyncEvent, 'syncId' | 'at'> & { audience: Audience };
export type StoredEvent = SyncEvent & { audience: Required<Audience> };

export interface Scope {
  userId: string;
  teamIds: string[];
  queueIds: string[];
  roles: Role[];
}

/**
 * Events in (`lastSyncId`, `upTo`] that the scope may see, oldest first; one more than `limit`
 * is read to know whether more remain.
 */
export async function readEventsSince(
  db: Db | Tx,
  scope: Scope,
  lastSyncId: number,
  upTo: number,
  limit: number,
) {
  const visible = or(
    sql`${events.audienceUsers} && ${sql.param([scope.userId])}::text[]`,
    sql`${events.audienceTeams} && ${sql.param(scope.teamIds)}::text[]`,
    sql`${events.audienceQueues} && ${sql.param(scope.queueIds)}::text[]`,
    sql`${events.audienceRoles} && ${sql.param(scope.roles)}::text[]`,
  );
  const rows = await db
    .select()
    .from(events)
    .where(and(gt(events.syncId, lastSyncId), lte(events.syncId, upTo), visible))
    .orderBy(asc(events.syncId))
    .limit(limit + 1);
  return { events: rows.slice(0, limit).map(toStoredEvent), hasMore: rows.length > limit };
}

export async function latestSyncId(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ value: max(events.syncId) }).from(events);
  return Number(row?.value ?? 0);
}

function toStoredEvent(row: typeof events.$inferSelect): StoredEvent {
  // Rows are outside input too: a row written by an older version must still parse.
  const event = SyncEvent.parse({
    syncId: row.syncId,
    type: row.type,
    entityKind: row.entityKind,
    entityId: row.entityId,
    entityVersion: row.entityVersion,
    payload: row.payload,
    at: row.at.toISOString(),
  });
  return {
    ...event,
    audience: {
      users: row.audienceUsers,
      teams: row.audienceTeams,
      queues: row.audienceQueues,
      roles: row.audienceRoles as Role[],
    },
  };
}

/** The socket.io rooms an audience maps to (the same names `roomsOf` joins). */
export function roomsFor(audience: Audience): string[] {
  return [
    ...(audience.users ?? []).map((id) => `user:${id}`),
    ...(audience.teams ?? []).map((id) => `team:${id}`),
    ...(audience.queues ?? []).map((id) => `queue:${id}`),
    ...(audience.roles ?? []).map((r) => `role:${r}`),
  ];
}

export function withoutAudience(event: StoredEvent): SyncEvent {
  const { audience: _audience, ...rest } = event;
  return rest as SyncEvent;
}
