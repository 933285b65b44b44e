import { and, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { contacts, evaluations, samplingDraws, samplingPlans, users } from '../../db/schema';
import type { Channel } from '../../../src-shared/protocol/channels';
import {
  SamplingDraw,
  SamplingPlanBody,
  type SamplingPlan,
} from '../../../src-shared/protocol/coaching-sampling';
import type { PeriodRange } from '../../../src-shared/domain/coaching/calendar';
import type { SamplingCandidate } from '../../../src-shared/domain/coaching/sampling';

/**
 * Sampling plans and their draws as stored. A plan's settings are one JSON body (parsed on the
 * way out like any stored input); a draw keeps its seed, period, picks and shortfalls, so it can
 * be repeated and audited.
 */

type PlanRow = typeof samplingPlans.$inferSelect;
type DrawRow = typeof samplingDraws.$inferSelect;

export function planOf(row: PlanRow): SamplingPlan {
  return {
    ...SamplingPlanBody.parse(row.body),
    id: row.id,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function drawOf(row: DrawRow): SamplingDraw {
  return {
    id: row.id,
    planId: row.planId,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    seed: row.seed,
    drawnAt: row.drawnAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    picks: SamplingDraw.shape.picks.parse(row.picks),
    shortfalls: SamplingDraw.shape.shortfalls.parse(row.shortfalls),
  };
}

export async function listPlans(db: Db | Tx): Promise<SamplingPlan[]> {
  const rows = await db.select().from(samplingPlans).orderBy(samplingPlans.createdAt).limit(500);
  return rows.map(planOf);
}

export async function lockPlan(tx: Tx, id: string): Promise<PlanRow | null> {
  const [row] = await tx.select().from(samplingPlans).where(eq(samplingPlans.id, id)).for('update');
  return row ?? null;
}

export async function insertPlan(tx: Tx, row: typeof samplingPlans.$inferInsert): Promise<PlanRow> {
  const [saved] = await tx.insert(samplingPlans).values(row).returning();
  if (!saved) throw new Error('sampling plan insert returned nothing');
  return saved;
}

export async function updatePlan(tx: Tx, row: PlanRow, body: SamplingPlanBody): Promise<PlanRow> {
  const [saved] = await tx
    .update(samplingPlans)
    .set({ body, version: row.version + 1 })
    .where(eq(samplingPlans.id, row.id))
    .returning();
  if (!saved) throw new Error(`sampling plan ${row.id} vanished`);
  return saved;
}

export async function drawOfPeriod(
  db: Db | Tx,
  planId: string,
  periodStart: number,
): Promise<DrawRow | null> {
  const [row] = await db
    .select()
    .from(samplingDraws)
    .where(and(eq(samplingDraws.planId, planId), eq(samplingDraws.periodStart, new Date(periodStart))));
  return row ?? null;
}

export async function findDraw(db: Db | Tx, id: string): Promise<DrawRow | null> {
  const [row] = await db.select().from(samplingDraws).where(eq(samplingDraws.id, id));
  return row ?? null;
}

export async function insertDraw(tx: Tx, row: typeof samplingDraws.$inferInsert): Promise<DrawRow> {
  const [saved] = await tx.insert(samplingDraws).values(row).returning();
  if (!saved) throw new Error('sampling draw insert returned nothing');
  return saved;
}

/** Contacts closed in the period and handled by an agent, with the team the agent is on. */
export async function candidatesOf(db: Db | Tx, period: PeriodRange): Promise<SamplingCandidate[]> {
  const rows = await db
    .select({
      contactId: contacts.id,
      agentId: contacts.agentId,
      channel: contacts.channel,
      queueId: contacts.queueId,
      teamId: users.teamId,
      endedAt: contacts.endedAt,
    })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.agentId))
    .where(
      and(
        eq(contacts.status, 'closed'),
        isNotNull(contacts.endedAt),
        gte(contacts.endedAt, new Date(period.start)),
        lt(contacts.endedAt, new Date(period.end)),
      ),
    );
  return rows.flatMap((r) =>
    r.agentId && r.endedAt
      ? [
          {
            contactId: r.contactId,
            agentId: r.agentId,
            channel: r.channel as Channel,
            queueId: r.queueId,
            teamId: r.teamId,
            closedAt: r.endedAt.getTime(),
          },
        ]
      : [],
  );
}

/** Agents of the given teams (every team when null): each one shows in a draw, if only as a shortfall. */
export async function agentsOfTeams(db: Db | Tx, teamIds: readonly string[] | null): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`'agent' = any(${users.roles})`,
        teamIds === null
          ? undefined
          : teamIds.length === 0
            ? sql`false`
            : inArray(users.teamId, [...teamIds]),
      ),
    );
  return rows.map((r) => r.id);
}

/** Contacts a coach has already evaluated (a coach evaluation past draft): never drawn, and "done" on a worklist. */
export async function evaluatedContactIds(db: Db | Tx, contactIds?: readonly string[]): Promise<Set<string>> {
  if (contactIds?.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ contactId: evaluations.contactId })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.kind, 'coach'),
        ne(evaluations.state, 'draft'),
        contactIds ? inArray(evaluations.contactId, [...contactIds]) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.contactId));
}

/** Every contact the plan has drawn before, so a later draw does not pick it again. */
export async function drawnContactIds(db: Db | Tx, planId: string): Promise<Set<string>> {
  const rows = await db
    .select({ picks: samplingDraws.picks })
    .from(samplingDraws)
    .where(eq(samplingDraws.planId, planId));
  return new Set(rows.flatMap((r) => SamplingDraw.shape.picks.parse(r.picks).flatMap((p) => p.contactIds)));
}

/** The latest draws of every plan (newest first): the sampled part of the worklists. */
export async function recentDraws(db: Db | Tx, limit = 200): Promise<SamplingDraw[]> {
  const rows = await db.select().from(samplingDraws).orderBy(desc(samplingDraws.drawnAt)).limit(limit);
  return rows.map(drawOf);
}

/** The coach's own drafts of contacts they picked by hand (not from a draw): the manual part of their worklist. */
export async function draftsBy(db: Db | Tx, authorId: string) {
  return db
    .select({ contactId: evaluations.contactId, agentId: evaluations.agentId })
    .from(evaluations)
    .where(
      and(eq(evaluations.authorId, authorId), eq(evaluations.kind, 'coach'), eq(evaluations.state, 'draft')),
    );
}
