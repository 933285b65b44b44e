import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import {
  evaluationDisputes,
  evaluationRevisions,
  evaluationScores,
  evaluations,
  users,
} from '../../db/schema';
import { Answers, type Answer, type ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { Channel } from '../../../src-shared/protocol/channels';
import {
  EvaluationScores,
  Resolution,
  type Evaluation,
  type EvaluationKind,
  type EvaluationState,
} from '../../../src-shared/protocol/coaching-evaluations';
import { scoreForm } from '../../../src-shared/domain/coaching/scoring';
import { skillScores } from '../../../src-shared/domain/coaching/analytics';

export type EvaluationRow = typeof evaluations.$inferSelect;

/** The scores of answers on a version, in the shape evaluations carry. */
export function scoresOf(
  content: Pick<ScorecardContent, 'sections'>,
  answers: readonly Answer[],
  channel: Channel,
) {
  const form = scoreForm(content, answers, { channel });
  return EvaluationScores.parse({
    rawScore: form.raw,
    finalScore: form.final,
    maxScore: form.max,
    sections: form.sections.map((s) => ({ key: s.key, rawScore: s.raw, finalScore: s.final })),
    criticalFailures: form.criticalFailures,
  });
}
export type Scores = ReturnType<typeof scoresOf>;

export async function lockEvaluation(tx: Tx, id: string): Promise<EvaluationRow | null> {
  const [row] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
  return row ?? null;
}

export async function findEvaluationRow(db: Db | Tx, id: string): Promise<EvaluationRow | null> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  return row ?? null;
}

/** Rows as the protocol shows them, with revisions and disputes (one query each for the lot). */
export async function evaluationsOf(db: Db | Tx, rows: EvaluationRow[]): Promise<Evaluation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const revisions = await db
    .select()
    .from(evaluationRevisions)
    .where(inArray(evaluationRevisions.evaluationId, ids))
    .orderBy(asc(evaluationRevisions.revision));
  const disputes = await db
    .select()
    .from(evaluationDisputes)
    .where(inArray(evaluationDisputes.evaluationId, ids))
    .orderBy(asc(evaluationDisputes.at));
  const names = await displayNames(db, [
    ...rows.flatMap((r) => [r.agentId, r.authorId, resolverOf(r)]),
    ...revisions.map((r) => r.authorId),
    ...disputes.flatMap((d) => [d.raisedBy, d.decidedBy]),
  ]);
  const namesOf = (row: EvaluationRow) => {
    const mine = new Set([
      row.agentId,
      row.authorId,
      resolverOf(row),
      ...revisions.filter((r) => r.evaluationId === row.id).map((r) => r.authorId),
      ...disputes.filter((d) => d.evaluationId === row.id).flatMap((d) => [d.raisedBy, d.decidedBy]),
    ]);
    return Object.fromEntries([...names].filter(([id]) => mine.has(id)));
  };
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as EvaluationKind,
    versionId: row.versionId,
    contactId: row.contactId,
    channel: row.channel as Channel,
    agentId: row.agentId,
    authorId: row.authorId,
    calibrationId: row.calibrationId,
    state: row.state as EvaluationState,
    revision: row.revision,
    answers: Answers.parse(row.answers),
    ...EvaluationScores.parse({
      rawScore: row.rawScore,
      finalScore: row.finalScore,
      maxScore: row.maxScore,
      sections: row.sections,
      criticalFailures: row.criticalFailures,
    }),
    history: revisions
      .filter((r) => r.evaluationId === row.id && r.revision < row.revision)
      .map((r) => ({
        ...EvaluationScores.parse(r.scores),
        revision: r.revision,
        answers: Answers.parse(r.answers),
        authorId: r.authorId,
        at: r.at.toISOString(),
        reason: r.reason,
      })),
    releaseAt: row.releaseAt?.toISOString() ?? null,
    releasedAt: row.releasedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    disputes: disputes
      .filter((d) => d.evaluationId === row.id)
      .map((d) => ({
        key: d.key,
        reason: d.reason,
        raisedBy: d.raisedBy,
        at: d.at.toISOString(),
        decision: (d.decision as 'accepted' | 'rejected' | null) ?? null,
        note: d.note,
      })),
    resolution: row.resolution === null ? null : Resolution.parse(row.resolution),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    names: namesOf(row),
  }));
}

function resolverOf(row: EvaluationRow): string | null {
  return row.resolution === null ? null : Resolution.parse(row.resolution).resolvedBy;
}

async function displayNames(db: Db | Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function evaluationOf(db: Db | Tx, row: EvaluationRow): Promise<Evaluation> {
  const [evaluation] = await evaluationsOf(db, [row]);
  if (!evaluation) throw new Error(`evaluation ${row.id} vanished`);
  return evaluation;
}

export async function insertEvaluation(tx: Tx, row: typeof evaluations.$inferInsert): Promise<EvaluationRow> {
  const [inserted] = await tx.insert(evaluations).values(row).returning();
  if (!inserted) throw new Error('evaluation insert returned nothing');
  return inserted;
}

export async function changeEvaluation(
  tx: Tx,
  row: EvaluationRow,
  change: Partial<typeof evaluations.$inferInsert>,
  now: Date,
): Promise<EvaluationRow> {
  const [updated] = await tx
    .update(evaluations)
    .set({ ...change, updatedAt: now, version: row.version + 1 })
    .where(eq(evaluations.id, row.id))
    .returning();
  if (!updated) throw new Error(`evaluation ${row.id} vanished`);
  return updated;
}

/** Writes (or rewrites, for a draft) a revision row. */
export async function saveRevision(
  tx: Tx,
  revision: {
    evaluationId: string;
    revision: number;
    answers: Answer[];
    scores: Scores;
    authorId: string;
    reason: string;
    at: Date;
  },
): Promise<void> {
  await tx
    .insert(evaluationRevisions)
    .values(revision)
    .onConflictDoUpdate({
      target: [evaluationRevisions.evaluationId, evaluationRevisions.revision],
      set: { answers: revision.answers, scores: revision.scores, at: revision.at },
    });
}

/**
 * The section and skill scores analytics group in SQL: rewritten whenever an evaluation that
 * counts in agents' scores changes its answers.
 */
export async function replaceScoreRows(
  tx: Tx,
  row: EvaluationRow,
  content: Pick<ScorecardContent, 'sections'>,
  at: Date,
): Promise<void> {
  await tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, row.id));
  const base = { evaluationId: row.id, agentId: row.agentId, teamId: row.teamId, at };
  const answers = Answers.parse(row.answers);
  const scores = scoresOf(content, answers, row.channel as Channel);
  const values = [
    ...scores.sections
      .filter((s) => s.finalScore !== null)
      .map((s) => ({ ...base, dimension: 'section', key: s.key, score: s.finalScore ?? 0 })),
    ...[...skillScores(content, answers, { channel: row.channel as Channel })]
      .filter((entry): entry is [string, number] => entry[1] !== null)
      .map(([key, score]) => ({ ...base, dimension: 'skill', key, score })),
  ];
  if (values.length > 0) await tx.insert(evaluationScores).values(values);
}

export async function disputesOf(db: Db | Tx, evaluationId: string) {
  return db.select().from(evaluationDisputes).where(eq(evaluationDisputes.evaluationId, evaluationId));
}

export async function insertDisputes(
  tx: Tx,
  rows: { evaluationId: string; key: string; reason: string; raisedBy: string; at: Date }[],
): Promise<void> {
  await tx.insert(evaluationDisputes).values(rows);
}

export async function decideDispute(
  tx: Tx,
  evaluationId: string,
  decision: { key: string; decision: string; note: string | null; decidedBy: string },
): Promise<void> {
  await tx
    .update(evaluationDisputes)
    .set({ decision: decision.decision, note: decision.note, decidedBy: decision.decidedBy })
    .where(and(eq(evaluationDisputes.evaluationId, evaluationId), eq(evaluationDisputes.key, decision.key)));
}

export interface EvaluationFilter {
  agentIds?: string[] | null;
  teamIds?: string[] | null;
  /** Only these kinds. */
  kinds?: EvaluationKind[];
  states?: EvaluationState[];
  /** Besides the filter, always include what this user wrote. */
  orAuthor?: string;
  calibrationId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export async function listEvaluationRows(db: Db | Tx, filter: EvaluationFilter): Promise<EvaluationRow[]> {
  const scope: SQL[] = [];
  if (filter.agentIds)
    scope.push(inArray(evaluations.agentId, filter.agentIds.length ? filter.agentIds : ['']));
  if (filter.teamIds) scope.push(inArray(evaluations.teamId, filter.teamIds.length ? filter.teamIds : ['']));
  if (filter.kinds) scope.push(inArray(evaluations.kind, filter.kinds));
  if (filter.states) scope.push(inArray(evaluations.state, filter.states));
  let visible: SQL | undefined = scope.length ? and(...scope) : undefined;
  if (filter.orAuthor)
    visible = sql`(${visible ?? sql`false`} or ${evaluations.authorId} = ${filter.orAuthor})`;
  const conditions = [visible];
  if (filter.calibrationId) conditions.push(eq(evaluations.calibrationId, filter.calibrationId));
  if (filter.from) conditions.push(gte(evaluations.createdAt, filter.from));
  if (filter.to) conditions.push(lte(evaluations.createdAt, filter.to));
  return db
    .select()
    .from(evaluations)
    .where(and(...conditions))
    .orderBy(desc(evaluations.createdAt))
    .limit(filter.limit);
}
