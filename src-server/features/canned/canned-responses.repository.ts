import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { cannedResponses, queues } from '../../db/schema';
import type { CannedResponse, CannedResponsesQuery } from '../../../src-shared/protocol/canned-responses';
import { seesEverything, type Actor } from '../auth/actor';

export type CannedRow = typeof cannedResponses.$inferSelect;

/** Where a canned response applies and whose it is: what its scope checks read. */
export type CannedPlace = Pick<CannedRow, 'shared' | 'ownerId' | 'queueId' | 'teamId'>;

export const cannedOf = (row: CannedRow): CannedResponse => ({
  id: row.id,
  title: row.title,
  body: row.body,
  language: row.language,
  queueId: row.queueId,
  teamId: row.teamId,
  shared: row.shared,
  ownerId: row.ownerId,
  archived: row.archived,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

export async function findCannedRow(tx: Tx, id: string, lock = false): Promise<CannedRow | undefined> {
  const query = tx.select().from(cannedResponses).where(eq(cannedResponses.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Shared responses the actor may use: every queue's, their queues' and their team's (all for supervisors and admins). */
function sharedVisibleTo(actor: Actor): SQL | undefined {
  if (seesEverything(actor)) return undefined;
  const everywhere = and(isNull(cannedResponses.queueId), isNull(cannedResponses.teamId));
  return or(
    everywhere,
    actor.queueIds.length > 0 ? inArray(cannedResponses.queueId, actor.queueIds) : undefined,
    actor.teamId ? eq(cannedResponses.teamId, actor.teamId) : undefined,
  );
}

/** Responses that apply to a queue: its own, its team's and every queue's. */
async function forQueue(db: Db, queueId: string): Promise<SQL | undefined> {
  const [queue] = await db.select({ teamId: queues.teamId }).from(queues).where(eq(queues.id, queueId));
  return and(
    or(isNull(cannedResponses.queueId), eq(cannedResponses.queueId, queueId)),
    or(isNull(cannedResponses.teamId), queue ? eq(cannedResponses.teamId, queue.teamId) : undefined),
  );
}

/** The canned responses the actor may use (their own personal ones and the shared ones they see), by title. */
export async function listCannedFor(
  db: Db,
  actor: Actor,
  query: CannedResponsesQuery,
): Promise<CannedResponse[]> {
  const rows = await db
    .select()
    .from(cannedResponses)
    .where(
      and(
        eq(cannedResponses.archived, false),
        or(
          eq(cannedResponses.ownerId, actor.id),
          and(eq(cannedResponses.shared, true), sharedVisibleTo(actor)),
        ),
        query.language ? eq(cannedResponses.language, query.language) : undefined,
        query.queueId ? await forQueue(db, query.queueId) : undefined,
      ),
    )
    .orderBy(asc(cannedResponses.title))
    .limit(500);
  return rows.map(cannedOf);
}
