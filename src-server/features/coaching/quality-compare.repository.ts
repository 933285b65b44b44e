import { and, desc, eq, gte, inArray, lt, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { coachingTasks, evaluationScores, evaluations, kpiIntervals, users } from '../../db/schema';
import {
  DEFAULT_MIN_CORRELATION_PAIRS,
  DEFAULT_MIN_SAMPLE,
} from '../../../src-shared/protocol/coaching-analytics';
import type { BeforeAfterResponse, CsatResponse } from '../../../src-shared/protocol/coaching-http';
import { averageOf, skillBeforeAfter } from '../../../src-shared/domain/coaching/analytics';
import { pearson } from '../../../src-shared/domain/coaching/correlation';

/**
 * Quality compared with something else: each coached skill before and after its follow-up, and
 * each agent's QA score beside their CSAT. Only coach evaluations past draft count (never
 * calibration or self-assessments); every average carries its sample size.
 */

const DAY_MS = 86_400_000;
const MAX_TASKS = 200;

export interface CompareOptions {
  teamScope: string[] | null;
  minSample?: number;
}

/**
 * For each follow-up (newest first), each of its skills' average in the `windowDays` before the
 * task was assigned and as many days after it, from the agent's skill scores.
 */
export async function followUpBeforeAfter(
  db: Db,
  options: CompareOptions & { windowDays: number },
): Promise<BeforeAfterResponse> {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const tasks = await db
    .select({
      id: coachingTasks.id,
      agentId: coachingTasks.agentId,
      skills: coachingTasks.skills,
      createdAt: coachingTasks.createdAt,
      teamId: users.teamId,
    })
    .from(coachingTasks)
    .innerJoin(users, eq(users.id, coachingTasks.agentId))
    .where(options.teamScope === null ? undefined : teamIn(users.teamId, options.teamScope))
    .orderBy(desc(coachingTasks.createdAt))
    .limit(MAX_TASKS);
  const span = options.windowDays * DAY_MS;
  const answer: BeforeAfterResponse['tasks'] = [];
  for (const task of tasks) {
    const pivot = task.createdAt.getTime();
    const rows = await db
      .select({
        evaluationId: evaluationScores.evaluationId,
        key: evaluationScores.key,
        score: evaluationScores.score,
        at: evaluationScores.at,
      })
      .from(evaluationScores)
      .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
      .where(
        and(
          eq(evaluationScores.agentId, task.agentId),
          eq(evaluationScores.dimension, 'skill'),
          inArray(evaluationScores.key, task.skills),
          gte(evaluationScores.at, new Date(pivot - span)),
          lt(evaluationScores.at, new Date(pivot + span)),
          eq(evaluations.kind, 'coach'),
          ne(evaluations.state, 'draft'),
        ),
      );
    const byEvaluation = new Map<string, { at: number; skills: Map<string, number | null> }>();
    for (const row of rows) {
      const entry = byEvaluation.get(row.evaluationId) ?? { at: row.at.getTime(), skills: new Map() };
      entry.skills.set(row.key, row.score);
      byEvaluation.set(row.evaluationId, entry);
    }
    const scored = [...byEvaluation.values()];
    answer.push({
      taskId: task.id,
      agentId: task.agentId,
      skills: task.skills.map((skill) =>
        skillBeforeAfter(scored, { skill, pivot, windowDays: options.windowDays, minSample }),
      ),
    });
  }
  return { tasks: answer };
}

/**
 * Each agent's average QA score and average CSAT (a 1–5 rating put on the same 0–100 scale:
 * 1 → 0, 5 → 100) over the range, and Pearson's r across the agents that have both. Survey
 * answers come from the KPI intervals, where they are counted per agent.
 */
export async function qaBesideCsat(
  db: Db,
  options: CompareOptions & { from: Date; to: Date },
): Promise<CsatResponse> {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const qaRows = await db
    .select({
      agentId: evaluations.agentId,
      mean: sql<number | null>`avg(${evaluations.finalScore})`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
      n: sql<number>`count(${evaluations.finalScore})`.mapWith(Number),
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.kind, 'coach'),
        ne(evaluations.state, 'draft'),
        gte(evaluations.submittedAt, options.from),
        lt(evaluations.submittedAt, options.to),
        options.teamScope === null ? undefined : teamIn(evaluations.teamId, options.teamScope),
      ),
    )
    .groupBy(evaluations.agentId);
  const k = kpiIntervals;
  const csatRows = await db
    .select({
      agentId: k.agentId,
      answers:
        sql<number>`sum(${k.csatRated1} + ${k.csatRated2} + ${k.csatRated3} + ${k.csatRated4} + ${k.csatRated5})`.mapWith(
          Number,
        ),
      points:
        sql<number>`sum(${k.csatRated2} * 25 + ${k.csatRated3} * 50 + ${k.csatRated4} * 75 + ${k.csatRated5} * 100)`.mapWith(
          Number,
        ),
    })
    .from(k)
    .where(
      and(
        gte(k.intervalStart, options.from),
        lt(k.intervalStart, options.to),
        options.teamScope === null ? undefined : teamIn(k.teamId, options.teamScope),
      ),
    )
    .groupBy(k.agentId);
  const csatOf = new Map(csatRows.filter((r) => r.answers > 0).map((r) => [r.agentId, r]));
  const qaOf = new Map(qaRows.map((r) => [r.agentId, r]));
  const agentIds = [...new Set([...qaOf.keys(), ...csatOf.keys()])].sort();
  const agents = agentIds.map((agentId) => {
    const qa = qaOf.get(agentId);
    const csat = csatOf.get(agentId);
    return {
      agentId,
      qa: { mean: qa?.mean ?? null, n: qa?.n ?? 0, isTooSmall: (qa?.n ?? 0) < minSample },
      csat: csat
        ? { mean: csat.points / csat.answers, n: csat.answers, isTooSmall: csat.answers < minSample }
        : averageOf([], minSample),
    };
  });
  const pairs = agents.flatMap((a) =>
    a.qa.mean !== null && a.csat.mean !== null ? [{ x: a.qa.mean, y: a.csat.mean }] : [],
  );
  return {
    agents,
    correlation: pearson(pairs, DEFAULT_MIN_CORRELATION_PAIRS),
    hasCsat: csatOf.size > 0,
  };
}

function teamIn(column: AnyColumn, teams: string[]): SQL {
  return teams.length === 0 ? sql`false` : inArray(column, teams);
}
