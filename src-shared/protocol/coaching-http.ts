import { z } from 'zod';
import type { Role } from './auth';
import { ScorecardTemplate, ScorecardVersion } from './coaching';
import {
  CriterionTrend,
  Correlation,
  SampleAverage,
  SkillBeforeAfter,
  TrendPoint,
} from './coaching-analytics';
import { CalibrationReport, CalibrationSession } from './coaching-calibration';
import { COACHING_COMMAND_TYPES, FollowUpTask, MonitorMode } from './coaching-commands';
import { Evaluation } from './coaching-evaluations';
import { SamplingDraw, SamplingPlan, WorkItem } from './coaching-sampling';

/**
 * The coaching HTTP surface (in the OpenAPI document). Every POST runs the same command handler
 * as the socket command named in `command`, so it is authorised, idempotent and in the event
 * log the same way: the `Idempotency-Key` header (a UUID) is the command id — send the same key
 * again and the first answer comes back; leave it out and each request is a new command.
 */

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

type Method = 'GET' | 'POST';

interface CoachingRoute {
  method: Method;
  path: string;
  /** Roles that may call it; finer scope (teams, own evaluations) is checked by the handler. */
  roles: readonly Role[];
  /** The socket command it runs (POST routes). */
  command?: string;
  summary: string;
}

const COACHES: readonly Role[] = ['coach', 'supervisor', 'admin'];
const EVERYONE: readonly Role[] = ['agent', 'coach', 'supervisor', 'admin'];
const T = COACHING_COMMAND_TYPES;

export const COACHING_ROUTES = {
  scorecards: {
    method: 'GET',
    path: '/api/v1/scorecards',
    roles: EVERYONE,
    summary: 'Templates with their versions',
  },
  scorecardVersion: {
    method: 'GET',
    path: '/api/v1/scorecards/versions/:id',
    roles: EVERYONE,
    summary: 'One version: the whole form',
  },
  scorecardExport: {
    method: 'GET',
    path: '/api/v1/scorecards/versions/:id/export',
    roles: COACHES,
    summary: 'A version as a scorecard file (docs/SCORECARDS.md)',
  },
  scorecardImport: {
    method: 'POST',
    path: '/api/v1/scorecards/import',
    roles: COACHES,
    command: T.importScorecard,
    summary: 'A scorecard file imported as a draft version',
  },
  scorecardPublish: {
    method: 'POST',
    path: '/api/v1/scorecards/versions/:id/publish',
    roles: COACHES,
    command: T.publishVersion,
    summary: 'Publish a draft version (frozen from then on)',
  },
  scorecardRetire: {
    method: 'POST',
    path: '/api/v1/scorecards/versions/:id/retire',
    roles: COACHES,
    command: T.retireVersion,
    summary: 'Retire a published version',
  },
  evaluations: {
    method: 'GET',
    path: '/api/v1/evaluations',
    roles: EVERYONE,
    summary: 'Evaluations in scope (agents: their released ones and their self-assessments)',
  },
  evaluationCreate: {
    method: 'POST',
    path: '/api/v1/evaluations',
    roles: EVERYONE,
    command: T.saveEvaluationDraft,
    summary: 'Score a contact: a draft, or submitted with submit:true; with calibrationId for a session',
  },
  evaluation: {
    method: 'GET',
    path: '/api/v1/evaluations/:id',
    roles: EVERYONE,
    summary: 'One evaluation with every revision',
  },
  evaluationSubmit: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/submit',
    roles: EVERYONE,
    command: T.submitEvaluation,
    summary: 'Submit a draft',
  },
  evaluationRelease: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/release',
    roles: COACHES,
    command: T.releaseEvaluation,
    summary: 'Release to the agent, now or at a set time',
  },
  evaluationAcknowledge: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/acknowledge',
    roles: ['agent'],
    command: T.acknowledgeEvaluation,
    summary: 'The agent acknowledges a released evaluation',
  },
  evaluationDispute: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/dispute',
    roles: ['agent'],
    command: T.disputeEvaluation,
    summary: 'The agent disputes criteria, each with a reason',
  },
  evaluationResolve: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/resolve',
    roles: COACHES,
    command: T.resolveEvaluation,
    summary: 'Decide each disputed criterion; accepting re-scores (a new revision)',
  },
  evaluationRescore: {
    method: 'POST',
    path: '/api/v1/evaluations/:id/rescore',
    roles: COACHES,
    command: T.rescoreEvaluation,
    summary: 'A new revision by the author or a supervisor',
  },
  calibrations: {
    method: 'GET',
    path: '/api/v1/calibrations',
    roles: COACHES,
    summary: 'Calibration sessions',
  },
  calibrationCreate: {
    method: 'POST',
    path: '/api/v1/calibrations',
    roles: COACHES,
    command: T.createCalibration,
    summary: 'A blind calibration session over contacts for several coaches',
  },
  calibration: {
    method: 'GET',
    path: '/api/v1/calibrations/:id',
    roles: COACHES,
    summary: 'A session; other coaches’ scores only once it is closed',
  },
  calibrationClose: {
    method: 'POST',
    path: '/api/v1/calibrations/:id/close',
    roles: COACHES,
    command: T.closeCalibration,
    summary: 'Close the session: scores become visible and the report is computed',
  },
  calibrationReport: {
    method: 'GET',
    path: '/api/v1/calibrations/:id/report',
    roles: COACHES,
    summary: 'Krippendorff’s alpha per criterion and overall, rater deviations, verdict',
  },
  raters: {
    method: 'GET',
    path: '/api/v1/coaching/raters',
    roles: COACHES,
    summary: 'Who may score in a calibration session: coaches, supervisors and admins of every team',
  },
  samplingPlans: { method: 'GET', path: '/api/v1/sampling-plans', roles: COACHES, summary: 'Sampling plans' },
  samplingPlanSave: {
    method: 'POST',
    path: '/api/v1/sampling-plans',
    roles: COACHES,
    command: T.saveSamplingPlan,
    summary: 'Create or change a sampling plan',
  },
  samplingDraw: {
    method: 'POST',
    path: '/api/v1/sampling-plans/:id/draw',
    roles: COACHES,
    command: T.drawSample,
    summary: 'Draw the plan’s current period with a recorded seed',
  },
  worklist: {
    method: 'GET',
    path: '/api/v1/coaching/worklist',
    roles: COACHES,
    summary: 'What the signed-in coach has due and overdue',
  },
  followUps: {
    method: 'GET',
    path: '/api/v1/coaching/tasks',
    roles: EVERYONE,
    summary: 'Coaching follow-up tasks (agents: their own)',
  },
  followUpAssign: {
    method: 'POST',
    path: '/api/v1/coaching/tasks',
    roles: COACHES,
    command: T.assignFollowUp,
    summary: 'Assign a refresher on skills from a released evaluation',
  },
  followUpDone: {
    method: 'POST',
    path: '/api/v1/coaching/tasks/:id/done',
    roles: ['agent'],
    command: T.completeFollowUp,
    summary: 'The agent marks a follow-up done',
  },
  monitor: {
    method: 'POST',
    path: '/api/v1/contacts/:id/monitor',
    roles: COACHES,
    command: T.monitorCall,
    summary: 'Join the coach’s phone to a live call: monitor, whisper or barge',
  },
  analyticsTrend: {
    method: 'GET',
    path: '/api/v1/coaching/analytics/trend',
    roles: COACHES,
    summary: 'Average final score per period, by agent, team, section or skill, with sample sizes',
  },
  analyticsBeforeAfter: {
    method: 'GET',
    path: '/api/v1/coaching/analytics/follow-ups',
    roles: COACHES,
    summary: 'Each skill before and after coaching follow-ups',
  },
  analyticsCsat: {
    method: 'GET',
    path: '/api/v1/coaching/analytics/csat',
    roles: COACHES,
    summary: 'QA score beside CSAT, with their correlation when CSAT exists',
  },
} as const satisfies Record<string, CoachingRoute>;

// ── Bodies and answers that are not command payloads ──────────────────────────────────────

export const ScorecardsResponse = z.object({ templates: z.array(ScorecardTemplate) });
export const ScorecardVersionResponse = z.object({ version: ScorecardVersion });
export const EvaluationResponse = z.object({ evaluation: Evaluation });
export const EvaluationsResponse = z.object({ evaluations: z.array(Evaluation) });
export const CalibrationResponse = z.object({
  calibration: CalibrationSession,
  evaluations: z.array(Evaluation),
});
export const CalibrationsResponse = z.object({ calibrations: z.array(CalibrationSession) });
export const CalibrationReportResponse = CalibrationReport;
/** A coach's directory holds their own teams; a session puts coaches of any team side by side. */
export const Rater = z.object({ id: z.string(), displayName: z.string() });
export type Rater = z.infer<typeof Rater>;
export const RatersResponse = z.object({ raters: z.array(Rater) });
/** The plans, and the latest draws (newest first) with their seeds, so any draw can be audited. */
export const SamplingPlansResponse = z.object({ plans: z.array(SamplingPlan), draws: z.array(SamplingDraw) });
export const WorklistResponse = z.object({ items: z.array(WorkItem) });
export const FollowUpsResponse = z.object({ tasks: z.array(FollowUpTask) });
export const MonitorBody = z.object({
  mode: MonitorMode,
  phone: z.string().trim().min(3).max(32).optional(),
});

/** `POST /api/v1/scorecards/import`: the file, and optionally the template it adds a draft to. */
export const ImportScorecardBody = z.object({ templateId: z.uuid().optional(), file: z.unknown() });

export const ANALYTICS_DIMENSIONS = ['agent', 'team', 'section', 'skill'] as const;
export const AnalyticsDimension = z.enum(ANALYTICS_DIMENSIONS);
export type AnalyticsDimension = z.infer<typeof AnalyticsDimension>;

const isoDateTime = z.iso.datetime({ offset: true });

/** `GET …/analytics/trend?by=agent&from&to&period=week&agent&team`. */
export const AnalyticsQuery = z.object({
  by: AnalyticsDimension.default('agent'),
  period: z.enum(['day', 'week', 'month']).default('week'),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  agent: z.string().min(1).max(64).optional(),
  team: z.string().min(1).max(64).optional(),
  minSample: z.coerce.number().int().min(1).max(1_000).optional(),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** One series per agent, team, section key or skill key. */
export const TrendSeries = z.object({
  id: z.string(),
  label: z.string(),
  overall: SampleAverage,
  points: z.array(TrendPoint),
});
export const AnalyticsTrendResponse = z.object({
  by: AnalyticsDimension,
  series: z.array(TrendSeries),
  criteria: z.array(CriterionTrend).optional(),
});
export type AnalyticsTrendResponse = z.infer<typeof AnalyticsTrendResponse>;

/** `GET …/analytics/follow-ups?windowDays=28`: days compared on each side of a follow-up. */
export const BeforeAfterQuery = z.object({
  windowDays: z.coerce.number().int().min(1).max(365).default(28),
  minSample: z.coerce.number().int().min(1).max(1_000).optional(),
});
export type BeforeAfterQuery = z.infer<typeof BeforeAfterQuery>;

/** `GET …/analytics/csat?from&to` (default: the last 90 days). */
export const CsatQuery = AnalyticsQuery.pick({ from: true, to: true, minSample: true });
export type CsatQuery = z.infer<typeof CsatQuery>;

export const BeforeAfterResponse = z.object({
  tasks: z.array(z.object({ taskId: z.string(), agentId: z.string(), skills: z.array(SkillBeforeAfter) })),
});
export type BeforeAfterResponse = z.infer<typeof BeforeAfterResponse>;

export const CsatResponse = z.object({
  agents: z.array(z.object({ agentId: z.string(), qa: SampleAverage, csat: SampleAverage })),
  correlation: Correlation,
  /** False when no contact carries a CSAT answer: the page says so instead of charting nothing. */
  hasCsat: z.boolean(),
});
export type CsatResponse = z.infer<typeof CsatResponse>;
