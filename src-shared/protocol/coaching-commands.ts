import { z } from 'zod';
import {
  Answers,
  ScorecardContent,
  ScorecardKey,
  ScorecardTemplate,
  ScorecardVersion,
  Timestamp,
} from './coaching';
import { CalibrationSession, CreateCalibrationBody } from './coaching-calibration';
import {
  AcknowledgeEvaluationBody,
  DisputeEvaluationBody,
  Evaluation,
  ReleaseEvaluationBody,
  RescoreEvaluationBody,
  ResolveEvaluationBody,
} from './coaching-evaluations';
import { SamplingDraw, SamplingPlan, SamplingPlanBody, SamplingSeed } from './coaching-sampling';

/**
 * Coaching socket commands (`command:run`, through the command bus like every write): each
 * payload schema here and the entity its ack carries (`COACHING_COMMAND_RESULTS`). The HTTP
 * routes of coaching-http.ts run the same handlers, with the `Idempotency-Key` header as the
 * command id. Ids of things a command creates are made by the client, so a retry cannot make two.
 */

const entityId = z.string().min(1).max(64);
const newId = z.uuid();
const isoDateTime = z.iso.datetime({ offset: true });

export const COACHING_COMMAND_TYPES = {
  createTemplate: 'scorecard:create-template',
  saveDraftVersion: 'scorecard:save-draft',
  publishVersion: 'scorecard:publish',
  retireVersion: 'scorecard:retire',
  importScorecard: 'scorecard:import',
  saveEvaluationDraft: 'evaluation:save-draft',
  submitEvaluation: 'evaluation:submit',
  releaseEvaluation: 'evaluation:release',
  acknowledgeEvaluation: 'evaluation:acknowledge',
  disputeEvaluation: 'evaluation:dispute',
  resolveEvaluation: 'evaluation:resolve',
  rescoreEvaluation: 'evaluation:rescore',
  selfAssess: 'evaluation:self-assess',
  saveSamplingPlan: 'sampling:save-plan',
  drawSample: 'sampling:draw',
  createCalibration: 'calibration:create',
  submitCalibration: 'calibration:submit',
  closeCalibration: 'calibration:close',
  assignFollowUp: 'coaching-task:assign',
  completeFollowUp: 'coaching-task:done',
  monitorCall: 'contact:monitor',
} as const;

// ── Templates and versions ────────────────────────────────────────────────────────────────

/** A new template with its first version as a draft. */
export const CreateTemplatePayload = z.object({
  templateId: newId,
  versionId: newId,
  content: ScorecardContent,
});
export type CreateTemplatePayload = z.infer<typeof CreateTemplatePayload>;

/**
 * Saves a draft version: an existing draft's content is replaced (name `expectedVersion`);
 * an unknown `versionId` makes the template's next draft version (e.g. "edit" of a published one).
 */
export const SaveDraftVersionPayload = z.object({
  templateId: entityId,
  versionId: newId,
  content: ScorecardContent,
});
export type SaveDraftVersionPayload = z.infer<typeof SaveDraftVersionPayload>;

/** Publish (the draft freezes; refused with the publish problems when incomplete) or retire a version. */
export const VersionIdPayload = z.object({ versionId: entityId });
export type VersionIdPayload = z.infer<typeof VersionIdPayload>;

/**
 * A scorecard file (docs/SCORECARDS.md, "The JSON file") imported as a draft: into `templateId`
 * when that template exists, else as a new template with that id. `file` is parsed by
 * `importScorecard`, whose issues name each failing path.
 */
export const ImportScorecardPayload = z.object({
  templateId: newId,
  versionId: newId,
  file: z.unknown(),
});
export type ImportScorecardPayload = z.infer<typeof ImportScorecardPayload>;

export const TemplateResult = z.object({ template: ScorecardTemplate, version: ScorecardVersion });
export type TemplateResult = z.infer<typeof TemplateResult>;

// ── Evaluations ───────────────────────────────────────────────────────────────────────────

/**
 * Creates or updates a draft (saved as the coach types). The first save fixes the version,
 * contact and kind; later saves replace the answers. With `submit` the same command submits it.
 */
export const SaveEvaluationDraftPayload = z.object({
  evaluationId: newId,
  versionId: entityId,
  contactId: entityId,
  answers: Answers,
  calibrationId: entityId.optional(),
  submit: z.boolean().optional(),
});
export type SaveEvaluationDraftPayload = z.infer<typeof SaveEvaluationDraftPayload>;

/** An agent's own assessment of their contact: its own kind, shown beside the coach's. */
export const SelfAssessPayload = SaveEvaluationDraftPayload.omit({ calibrationId: true });
export type SelfAssessPayload = z.infer<typeof SelfAssessPayload>;

const evaluationRef = { evaluationId: entityId };

/** Submit a draft, optionally with its final answers (a submit needs every applicable criterion answered). */
export const SubmitEvaluationPayload = z.object({ ...evaluationRef, answers: Answers.optional() });
export type SubmitEvaluationPayload = z.infer<typeof SubmitEvaluationPayload>;

export const ReleaseEvaluationPayload = ReleaseEvaluationBody.extend(evaluationRef);
export type ReleaseEvaluationPayload = z.infer<typeof ReleaseEvaluationPayload>;
export const AcknowledgeEvaluationPayload = AcknowledgeEvaluationBody.extend(evaluationRef);
export type AcknowledgeEvaluationPayload = z.infer<typeof AcknowledgeEvaluationPayload>;
export const DisputeEvaluationPayload = DisputeEvaluationBody.extend(evaluationRef);
export type DisputeEvaluationPayload = z.infer<typeof DisputeEvaluationPayload>;
export const ResolveEvaluationPayload = ResolveEvaluationBody.extend(evaluationRef);
export type ResolveEvaluationPayload = z.infer<typeof ResolveEvaluationPayload>;
export const RescoreEvaluationPayload = RescoreEvaluationBody.extend(evaluationRef);
export type RescoreEvaluationPayload = z.infer<typeof RescoreEvaluationPayload>;

// ── Sampling ──────────────────────────────────────────────────────────────────────────────

/** Creates the plan or replaces its settings (name `expectedVersion` when editing). */
export const SaveSamplingPlanPayload = z.object({ planId: newId, plan: SamplingPlanBody });
export type SaveSamplingPlanPayload = z.infer<typeof SaveSamplingPlanPayload>;

/** Draws the plan's current period; without `seed` the server picks one and records it. */
export const DrawSamplePayload = z.object({ planId: entityId, drawId: newId, seed: SamplingSeed.optional() });
export type DrawSamplePayload = z.infer<typeof DrawSamplePayload>;

// ── Calibration ───────────────────────────────────────────────────────────────────────────

export const CreateCalibrationPayload = CreateCalibrationBody.extend({ calibrationId: newId });
export type CreateCalibrationPayload = z.infer<typeof CreateCalibrationPayload>;

/** A session coach's (or the expert's) scoring of one of its contacts; re-sent until the session closes. */
export const SubmitCalibrationPayload = z.object({
  calibrationId: entityId,
  evaluationId: newId,
  contactId: entityId,
  answers: Answers,
});
export type SubmitCalibrationPayload = z.infer<typeof SubmitCalibrationPayload>;

export const CalibrationIdPayload = z.object({ calibrationId: entityId });
export type CalibrationIdPayload = z.infer<typeof CalibrationIdPayload>;

// ── Coaching follow-up ────────────────────────────────────────────────────────────────────

export const FOLLOW_UP_STATES = ['open', 'done'] as const;
export const FollowUpState = z.enum(FOLLOW_UP_STATES);
export type FollowUpState = z.infer<typeof FollowUpState>;

/** A refresher on the weakest skills of a released evaluation, for its agent, with a due date. */
export const AssignFollowUpPayload = z.object({
  taskId: newId,
  evaluationId: entityId,
  skills: z.array(ScorecardKey).min(1).max(10),
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(4_000).default(''),
  dueAt: isoDateTime,
});
export type AssignFollowUpPayload = z.infer<typeof AssignFollowUpPayload>;

export const CompleteFollowUpPayload = z.object({ taskId: entityId });
export type CompleteFollowUpPayload = z.infer<typeof CompleteFollowUpPayload>;

export const FollowUpTask = z.object({
  id: entityId,
  evaluationId: entityId,
  agentId: entityId,
  assignedBy: entityId,
  skills: z.array(ScorecardKey).max(10),
  title: z.string().max(200),
  note: z.string().max(4_000),
  dueAt: Timestamp,
  state: FollowUpState,
  createdAt: Timestamp,
  doneAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;

// ── Live monitoring ───────────────────────────────────────────────────────────────────────

/** listen-only, heard by the agent only, or joining the conversation. */
export const MONITOR_MODES = ['monitor', 'whisper', 'barge'] as const;
export const MonitorMode = z.enum(MONITOR_MODES);
export type MonitorMode = z.infer<typeof MonitorMode>;

/**
 * Asks the phone system (call-control adapter) to join the coach's phone to a live call.
 * `phone` defaults to the number on the coach's profile.
 */
export const MonitorCallPayload = z.object({
  contactId: entityId,
  mode: MonitorMode,
  phone: z.string().trim().min(3).max(32).optional(),
});
export type MonitorCallPayload = z.infer<typeof MonitorCallPayload>;

/** What was asked of the phone system, as recorded on the contact. */
export const MonitorSession = z.object({
  id: entityId,
  contactId: entityId,
  coachId: entityId,
  mode: MonitorMode,
  phone: z.string().max(32),
  at: Timestamp,
});
export type MonitorSession = z.infer<typeof MonitorSession>;

/** The entity each coaching command's ack carries (`CommandResult.entity`). */
export const COACHING_COMMAND_RESULTS = {
  [COACHING_COMMAND_TYPES.createTemplate]: TemplateResult,
  [COACHING_COMMAND_TYPES.saveDraftVersion]: TemplateResult,
  [COACHING_COMMAND_TYPES.publishVersion]: TemplateResult,
  [COACHING_COMMAND_TYPES.retireVersion]: TemplateResult,
  [COACHING_COMMAND_TYPES.importScorecard]: TemplateResult,
  [COACHING_COMMAND_TYPES.saveEvaluationDraft]: Evaluation,
  [COACHING_COMMAND_TYPES.submitEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.releaseEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.acknowledgeEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.disputeEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.resolveEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.rescoreEvaluation]: Evaluation,
  [COACHING_COMMAND_TYPES.selfAssess]: Evaluation,
  [COACHING_COMMAND_TYPES.saveSamplingPlan]: SamplingPlan,
  [COACHING_COMMAND_TYPES.drawSample]: SamplingDraw,
  [COACHING_COMMAND_TYPES.createCalibration]: CalibrationSession,
  [COACHING_COMMAND_TYPES.submitCalibration]: Evaluation,
  [COACHING_COMMAND_TYPES.closeCalibration]: CalibrationSession,
  [COACHING_COMMAND_TYPES.assignFollowUp]: FollowUpTask,
  [COACHING_COMMAND_TYPES.completeFollowUp]: FollowUpTask,
  [COACHING_COMMAND_TYPES.monitorCall]: MonitorSession,
} as const;

const commandBase = {
  commandId: z.uuid(),
  expectedVersion: z.number().int().nonnegative().optional(),
};
const commandOf = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ ...commandBase, type: z.literal(type), payload });

/** The coaching members of the `Command` union (commands.ts lists them). */
export const COACHING_COMMANDS = [
  commandOf(COACHING_COMMAND_TYPES.createTemplate, CreateTemplatePayload),
  commandOf(COACHING_COMMAND_TYPES.saveDraftVersion, SaveDraftVersionPayload),
  commandOf(COACHING_COMMAND_TYPES.publishVersion, VersionIdPayload),
  commandOf(COACHING_COMMAND_TYPES.retireVersion, VersionIdPayload),
  commandOf(COACHING_COMMAND_TYPES.importScorecard, ImportScorecardPayload),
  commandOf(COACHING_COMMAND_TYPES.saveEvaluationDraft, SaveEvaluationDraftPayload),
  commandOf(COACHING_COMMAND_TYPES.submitEvaluation, SubmitEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.releaseEvaluation, ReleaseEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.acknowledgeEvaluation, AcknowledgeEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.disputeEvaluation, DisputeEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.resolveEvaluation, ResolveEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.rescoreEvaluation, RescoreEvaluationPayload),
  commandOf(COACHING_COMMAND_TYPES.selfAssess, SelfAssessPayload),
  commandOf(COACHING_COMMAND_TYPES.saveSamplingPlan, SaveSamplingPlanPayload),
  commandOf(COACHING_COMMAND_TYPES.drawSample, DrawSamplePayload),
  commandOf(COACHING_COMMAND_TYPES.createCalibration, CreateCalibrationPayload),
  commandOf(COACHING_COMMAND_TYPES.submitCalibration, SubmitCalibrationPayload),
  commandOf(COACHING_COMMAND_TYPES.closeCalibration, CalibrationIdPayload),
  commandOf(COACHING_COMMAND_TYPES.assignFollowUp, AssignFollowUpPayload),
  commandOf(COACHING_COMMAND_TYPES.completeFollowUp, CompleteFollowUpPayload),
  commandOf(COACHING_COMMAND_TYPES.monitorCall, MonitorCallPayload),
] as const;

/** Coaching events pushed to consoles (sync.ts lists them in `SyncEvent`). */
export const COACHING_EVENT_TYPES = {
  scorecardChanged: 'scorecard.changed',
  evaluationChanged: 'evaluation.changed',
  calibrationChanged: 'calibration.changed',
  followUpChanged: 'coaching-task.changed',
  samplingPlanChanged: 'sampling-plan.changed',
  sampleDrawn: 'sampling.drawn',
} as const;
