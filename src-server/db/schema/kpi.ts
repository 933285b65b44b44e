// The KPI projection (docs/KPIS.md): counts per 15-minute interval, the facts it folds, its log position.
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

const count = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * A row's key besides its period (queue × channel × agent × team, '' where one does not apply) and
 * its counts and sums (src-shared/domain/kpi/aggregate.ts): the same in intervals and days.
 */
const dimensionsAndCounts = () => ({
  queueId: text('queue_id').notNull(),
  channel: text('channel').notNull(),
  agentId: text('agent_id').notNull(),
  teamId: text('team_id').notNull(),
  offered: count('offered'),
  transferredIn: count('transferred_in'),
  answered: count('answered'),
  answerWaitMs: count('answer_wait_ms'),
  answeredInTarget: count('answered_in_target'),
  abandoned: count('abandoned'),
  abandonWaitMs: count('abandon_wait_ms'),
  abandonedInTarget: count('abandoned_in_target'),
  shortAbandoned: count('short_abandoned'),
  transferredOut: count('transferred_out'),
  escalated: count('escalated'),
  handled: count('handled'),
  workMs: count('work_ms'),
  holdMs: count('hold_ms'),
  wrapUpMs: count('wrap_up_ms'),
  callbacksInWindow: count('callbacks_in_window'),
  callbacksOutsideWindow: count('callbacks_outside_window'),
  callbacksMissed: count('callbacks_missed'),
  resolved: count('resolved'),
  resolvedWithRepeat: count('resolved_with_repeat'),
  csatRated1: count('csat_rated_1'),
  csatRated2: count('csat_rated_2'),
  csatRated3: count('csat_rated_3'),
  csatRated4: count('csat_rated_4'),
  csatRated5: count('csat_rated_5'),
  qaEvaluations: count('qa_evaluations'),
  qaScoreCentiSum: count('qa_score_centi_sum'),
  signedInMs: count('signed_in_ms'),
  availableMs: count('available_ms'),
  busyMs: count('busy_ms'),
  wrapUpStateMs: count('wrap_up_state_ms'),
  awayMs: count('away_ms'),
});

/**
 * One row per 15-minute interval and key (queue × channel × agent × team), counts and sums only
 * (src-shared/domain/kpi/aggregate.ts). A key part that does not apply is '' (not null), so the
 * key is a plain primary key and an upsert adds to it.
 */
export const kpiIntervals = pgTable(
  'kpi_intervals',
  {
    intervalStart: ts('interval_start').notNull(),
    ...dimensionsAndCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.intervalStart, t.queueId, t.channel, t.agentId, t.teamId] }),
    index('kpi_intervals_queue_idx').on(t.queueId, t.intervalStart),
    index('kpi_intervals_agent_idx').on(t.agentId, t.intervalStart),
    index('kpi_intervals_team_idx').on(t.teamId, t.intervalStart),
  ],
);

/**
 * The same counts per local day of the row's zone (its queue's; for presence rows, the team's first
 * queue's), added by the projection in the same transaction as the intervals, so a report by day,
 * week or month reads ~one row per key and day instead of 96 (docs/KPIS.md "Days").
 */
export const kpiDays = pgTable(
  'kpi_days',
  {
    day: date('day').notNull(),
    ...dimensionsAndCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.queueId, t.channel, t.agentId, t.teamId] }),
    index('kpi_days_queue_idx').on(t.queueId, t.day),
    index('kpi_days_agent_idx').on(t.agentId, t.day),
    index('kpi_days_team_idx').on(t.teamId, t.day),
  ],
);

/**
 * What the projection remembers per entity to fold its next event: a contact's life, an agent's
 * presence, a case's history and clock (kind: contact | agent | case), as JSON.
 */
export const kpiFacts = pgTable(
  'kpi_facts',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    facts: jsonb('facts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/** The last log position the projection has folded (one row, id 1). */
export const kpiPosition = pgTable('kpi_position', {
  id: integer('id').primaryKey(),
  syncId: bigint('sync_id', { mode: 'number' }).notNull(),
});
