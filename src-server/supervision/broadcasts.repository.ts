import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { broadcastAcks, broadcasts, users } from '../db/schema';
import { Broadcast } from '../../src-shared/protocol/supervisor-entities';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import type { NewEvent } from '../features/sync/event-log';

type BroadcastRow = typeof broadcasts.$inferSelect;
type AckRow = typeof broadcastAcks.$inferSelect;

function broadcastOf(row: BroadcastRow, acks: AckRow[]): Broadcast {
  return Broadcast.parse({
    ...row,
    at: row.at.toISOString(),
    acknowledgements: acks.map((a) => ({ userId: a.userId, name: a.name, at: a.at.toISOString() })),
  });
}

/** Seen by the team it went to and by supervisors and admins. */
export function broadcastEvent(b: Broadcast): NewEvent {
  return {
    type: EVENT_TYPES.broadcastChanged,
    entityKind: 'broadcast',
    entityId: b.id,
    entityVersion: b.version,
    payload: b,
    audience: { teams: [b.teamId], users: b.recipientIds, roles: ['supervisor', 'admin'] },
  };
}

/** Enabled agents of a team: who a broadcast goes to. */
export async function teamAgentIds(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, teamId), sql`'agent' = any(${users.roles})`, eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

export async function insertBroadcast(
  tx: Tx,
  values: Omit<typeof broadcasts.$inferInsert, 'version'>,
): Promise<Broadcast | null> {
  const [row] = await tx.insert(broadcasts).values(values).onConflictDoNothing().returning();
  return row ? broadcastOf(row, []) : null;
}

/** Records one agent's acknowledgement (once) and answers the broadcast with its new version. */
export async function acknowledge(
  tx: Tx,
  id: string,
  user: { id: string; name: string },
  now: Date,
): Promise<{ broadcast: Broadcast; changed: boolean } | null> {
  const [current] = await tx.select().from(broadcasts).where(eq(broadcasts.id, id)).for('update');
  if (!current) return null;
  const added = await tx
    .insert(broadcastAcks)
    .values({ broadcastId: id, userId: user.id, name: user.name, at: now })
    .onConflictDoNothing()
    .returning();
  const row =
    added.length > 0
      ? (
          await tx
            .update(broadcasts)
            .set({ version: current.version + 1 })
            .where(eq(broadcasts.id, id))
            .returning()
        )[0]
      : current;
  const acks = await tx
    .select()
    .from(broadcastAcks)
    .where(eq(broadcastAcks.broadcastId, id))
    .orderBy(asc(broadcastAcks.at));
  return row ? { broadcast: broadcastOf(row, acks), changed: added.length > 0 } : null;
}

/** Recent broadcasts: all for supervisors and admins (`teamId` null), else the team's. */
export async function listBroadcasts(db: Db, teamId: string | null, limit = 50): Promise<Broadcast[]> {
  const rows = await db
    .select()
    .from(broadcasts)
    .where(teamId === null ? undefined : eq(broadcasts.teamId, teamId))
    .orderBy(desc(broadcasts.at))
    .limit(limit);
  if (rows.length === 0) return [];
  const acks = await db
    .select()
    .from(broadcastAcks)
    .where(
      inArray(
        broadcastAcks.broadcastId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(broadcastAcks.at));
  return rows.map((row) =>
    broadcastOf(
      row,
      acks.filter((a) => a.broadcastId === row.id),
    ),
  );
}
