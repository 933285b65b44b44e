import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { reassignments } from '../db/schema';
import { Reassignment, type ReassignmentAuditQuery } from '../../src-shared/protocol/supervisor-entities';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import type { NewEvent } from '../features/sync/event-log';

type ReassignmentRow = typeof reassignments.$inferSelect;
export type NewReassignment = Omit<typeof reassignments.$inferInsert, 'id' | 'version'>;

function reassignmentOf(row: ReassignmentRow): Reassignment {
  return Reassignment.parse({
    ...row,
    at: row.at.toISOString(),
    responseDueAt: row.responseDueAt?.toISOString() ?? null,
    fallback: row.fallback ?? null,
  });
}

/**
 * The audit row's event: for supervisors and admins, and for both agents (the one who lost the
 * contact reads who moved it and why; the one given it, from whom).
 */
export function reassignmentEvent(r: Reassignment): NewEvent {
  const users = [r.fromAgentId, r.toAgentId].flatMap((id) => (id ? [id] : []));
  return {
    type: EVENT_TYPES.contactReassigned,
    entityKind: 'reassignment',
    entityId: r.id,
    entityVersion: r.version,
    payload: r,
    audience: { users, roles: ['supervisor', 'admin'] },
  };
}

export async function recordReassignment(tx: Tx, values: NewReassignment): Promise<Reassignment> {
  const [row] = await tx
    .insert(reassignments)
    .values({ ...values, id: `rsg_${crypto.randomUUID()}` })
    .returning();
  if (!row) throw new Error('reassignment not recorded');
  return reassignmentOf(row);
}

/** The latest move of a contact that set a response timer, if any. */
export async function latestTimedReassignment(tx: Tx, contactId: string): Promise<Reassignment | null> {
  const [row] = await tx
    .select()
    .from(reassignments)
    .where(eq(reassignments.contactId, contactId))
    .orderBy(desc(reassignments.at))
    .limit(1);
  return row && row.responseDueAt ? reassignmentOf(row) : null;
}

/** The audit trail, newest first, filtered by contact or by an agent on either side. */
export async function listReassignments(db: Db, query: ReassignmentAuditQuery): Promise<Reassignment[]> {
  const filters: SQL[] = [];
  if (query.contactId) filters.push(eq(reassignments.contactId, query.contactId));
  if (query.agentId) {
    const either = or(
      eq(reassignments.fromAgentId, query.agentId),
      eq(reassignments.toAgentId, query.agentId),
    );
    if (either) filters.push(either);
  }
  const rows = await db
    .select()
    .from(reassignments)
    .where(and(...filters))
    .orderBy(desc(reassignments.at))
    .limit(query.limit);
  return rows.map(reassignmentOf);
}
