// Coaching: scorecard templates and versions, evaluations with their revisions and disputes,
// calibration sessions, sampling plans and draws, follow-up tasks, live monitoring.
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { created, ts, version } from './columns';
import { users } from './people';
import { contacts } from './routing';

/** A coach's teams (their scope: the agents of these teams) and the phone monitoring rings. */
export const coachProfiles = pgTable('coach_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  teamIds: text('team_ids')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  phone: text('phone'),
});

export const scorecardTemplates = pgTable('scorecard_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by').references(() => users.id),
  createdAt: created(),
  version: version(),
});

/** A version's form is `content` (ScorecardContent); a published one never changes. */
export const scorecardVersions = pgTable(
  'scorecard_versions',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id')
      .notNull()
      .references(() => scorecardTemplates.id),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').notNull(),
    createdAt: created(),
    publishedAt: ts('published_at'),
    retiredAt: ts('retired_at'),
    version: version(),
  },
  (t) => [uniqueIndex('scorecard_versions_number_idx').on(t.templateId, t.number)],
);

/**
 * One scoring of one contact on a pinned version; the current revision's answers and scores are
 * here, every revision (the current one included) in evaluation_revisions.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => scorecardVersions.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel').notNull(),
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    /** The agent's team when scored: analytics by team keep history when people move. */
    teamId: text('team_id'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    calibrationId: text('calibration_id'),
    state: text('state').notNull(),
    revision: integer('revision').notNull().default(1),
    answers: jsonb('answers').notNull(),
    rawScore: doublePrecision('raw_score'),
    finalScore: doublePrecision('final_score'),
    maxScore: doublePrecision('max_score').notNull(),
    sections: jsonb('sections').notNull(),
    criticalFailures: jsonb('critical_failures').notNull(),
    releaseAt: ts('release_at'),
    releasedAt: ts('released_at'),
    acknowledgedAt: ts('acknowledged_at'),
    resolution: jsonb('resolution'),
    /** When it was submitted (null for drafts): the moment analytics place it at. */
    submittedAt: ts('submitted_at'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    index('evaluations_agent_idx').on(t.agentId, t.submittedAt),
    index('evaluations_contact_idx').on(t.contactId),
    index('evaluations_calibration_idx').on(t.calibrationId),
    index('evaluations_submitted_idx').on(t.submittedAt),
  ],
);

export const evaluationRevisions = pgTable(
  'evaluation_revisions',
  {
    evaluationId: text('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    revision: integer('revision').notNull(),
    answers: jsonb('answers').notNull(),
    scores: jsonb('scores').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull().default(''),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.revision] })],
);

/**
 * Section and skill scores of each evaluation that counts in agents' scores (one row per
 * section key and skill key, 0–100), denormalised with agent, team and time so the analytics
 * group them in SQL.
 */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    evaluationId: text('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    score: doublePrecision('score').notNull(),
    agentId: text('agent_id').notNull(),
    teamId: text('team_id'),
    at: ts('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.dimension, t.key] }),
    index('evaluation_scores_dim_idx').on(t.dimension, t.key, t.at),
    index('evaluation_scores_agent_idx').on(t.agentId, t.dimension, t.at),
    index('evaluation_scores_dim_at_idx').on(t.dimension, t.at),
  ],
);

/**
 * Daily sums behind the quality analytics (migration 0017): kept by statement triggers on
 * `evaluations` ('form': final scores of coach evaluations past draft) and `evaluation_scores`
 * ('section', 'skill'), so a trend reads one row per series per day. '' stands for no team or
 * version; `entries` counts rows, `n` the scores among them.
 */
export const evaluationRollups = pgTable(
  'evaluation_rollups',
  {
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    agentId: text('agent_id').notNull(),
    teamId: text('team_id').notNull(),
    versionId: text('version_id').notNull(),
    day: date('day').notNull(),
    total: doublePrecision('total').notNull(),
    n: integer('n').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'evaluation_rollups_pk',
      columns: [t.dimension, t.key, t.agentId, t.teamId, t.versionId, t.day],
    }),
    index('evaluation_rollups_day_idx').on(t.dimension, t.day),
  ],
);

export const evaluationDisputes = pgTable(
  'evaluation_disputes',
  {
    evaluationId: text('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    key: text('key').notNull(),
    reason: text('reason').notNull(),
    raisedBy: text('raised_by')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
    decision: text('decision'),
    note: text('note'),
    decidedBy: text('decided_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.key] })],
);

/** Evaluations released at a set time: a deadline row per evaluation, swept like the routing timers. */
export const evaluationReleaseTimers = pgTable(
  'evaluation_release_timers',
  {
    evaluationId: text('evaluation_id')
      .primaryKey()
      .references(() => evaluations.id),
    dueAt: ts('due_at').notNull(),
  },
  (t) => [index('evaluation_release_timers_due_idx').on(t.dueAt)],
);

export const calibrations = pgTable('calibrations', {
  id: text('id').primaryKey(),
  versionId: text('version_id')
    .notNull()
    .references(() => scorecardVersions.id),
  contactIds: text('contact_ids').array().notNull(),
  coachIds: text('coach_ids').array().notNull(),
  expertId: text('expert_id').references(() => users.id),
  state: text('state').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: created(),
  closedAt: ts('closed_at'),
  /** The CalibrationReport, computed once when the session closes. */
  report: jsonb('report'),
  version: version(),
});

/** `body` is the SamplingPlanBody the coach saved. */
export const samplingPlans = pgTable('sampling_plans', {
  id: text('id').primaryKey(),
  body: jsonb('body').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: created(),
  version: version(),
});

export const samplingDraws = pgTable(
  'sampling_draws',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    seed: bigint('seed', { mode: 'number' }).notNull(),
    drawnAt: ts('drawn_at').notNull(),
    dueAt: ts('due_at').notNull(),
    picks: jsonb('picks').notNull(),
    shortfalls: jsonb('shortfalls').notNull(),
    drawnBy: text('drawn_by').references(() => users.id),
  },
  (t) => [uniqueIndex('sampling_draws_period_idx').on(t.planId, t.periodStart)],
);

export const coachingTasks = pgTable(
  'coaching_tasks',
  {
    id: text('id').primaryKey(),
    evaluationId: text('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    assignedBy: text('assigned_by')
      .notNull()
      .references(() => users.id),
    skills: text('skills').array().notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    dueAt: ts('due_at').notNull(),
    state: text('state').notNull(),
    createdAt: created(),
    doneAt: ts('done_at'),
    version: version(),
  },
  (t) => [index('coaching_tasks_agent_idx').on(t.agentId)],
);

/** Live monitoring asked of the phone system, recorded on the contact. */
export const contactMonitors = pgTable(
  'contact_monitors',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    coachId: text('coach_id')
      .notNull()
      .references(() => users.id),
    mode: text('mode').notNull(),
    phone: text('phone').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('contact_monitors_contact_idx').on(t.contactId)],
);
