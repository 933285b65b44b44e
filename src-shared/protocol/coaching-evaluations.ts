import { z } from 'zod';
import { Channel } from './channels';
import { Answers, CriticalEffect, ScorecardKey, SCORECARD_LIMITS, Timestamp } from './coaching';

/**
 * Evaluations: one coach's scoring of one contact on a pinned scorecard version, and its way to
 * the agent. Workflow (src-shared/domain/coaching/workflow.ts):
 *
 *   draft ─submit→ submitted ─release (now or at a set time)→ released ─acknowledge→ acknowledged
 *                                                                └─dispute (per criterion)→ disputed
 *                                                                        ─resolve→ resolved
 *
 * A re-score makes a new revision; earlier revisions are kept and shown. Self-assessments and
 * calibration evaluations stop at submitted: they are never released, and calibration
 * evaluations never count in an agent's scores.
 */

const entityId = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true });

export const EVALUATION_KINDS = ['coach', 'self', 'calibration'] as const;
export const EvaluationKind = z.enum(EVALUATION_KINDS);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const EVALUATION_STATES = [
  'draft',
  'submitted',
  'released',
  'acknowledged',
  'disputed',
  'resolved',
] as const;
export const EvaluationState = z.enum(EVALUATION_STATES);
export type EvaluationState = z.infer<typeof EvaluationState>;

export const EVALUATION_ACTIONS = [
  'submit',
  'release',
  'acknowledge',
  'dispute',
  'resolve',
  'rescore',
] as const;
export const EvaluationAction = z.enum(EVALUATION_ACTIONS);
export type EvaluationAction = z.infer<typeof EvaluationAction>;

export const RESOLUTION_OUTCOMES = ['accepted', 'partly', 'rejected'] as const;
export const ResolutionOutcome = z.enum(RESOLUTION_OUTCOMES);
export type ResolutionOutcome = z.infer<typeof ResolutionOutcome>;

/** The scores of one revision, as `scoreForm` computes them. */
export const EvaluationScores = z.object({
  rawScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  maxScore: z.number(),
  sections: z.array(
    z.object({ key: ScorecardKey, rawScore: z.number().nullable(), finalScore: z.number().nullable() }),
  ),
  criticalFailures: z.array(
    z.object({ key: ScorecardKey, sectionKey: ScorecardKey, effect: CriticalEffect.exclude(['none']) }),
  ),
});
export type EvaluationScores = z.infer<typeof EvaluationScores>;

export const EvaluationRevision = EvaluationScores.extend({
  revision: z.number().int().min(1),
  answers: Answers,
  authorId: entityId,
  at: Timestamp,
  /** Why it was re-scored (empty for the first revision). */
  reason: z.string().max(SCORECARD_LIMITS.comment),
});
export type EvaluationRevision = z.infer<typeof EvaluationRevision>;

const disputeReason = z.string().trim().min(1).max(2_000);

/** The agent's disagreement with one criterion. */
export const Dispute = z.object({
  key: ScorecardKey,
  reason: disputeReason,
  raisedBy: entityId,
  at: Timestamp,
  /** Filled when resolved. */
  decision: z.enum(['accepted', 'rejected']).nullable(),
  note: z.string().max(SCORECARD_LIMITS.comment).nullable(),
});
export type Dispute = z.infer<typeof Dispute>;

export const Resolution = z.object({
  outcome: ResolutionOutcome,
  resolvedBy: entityId,
  at: Timestamp,
  note: z.string().max(SCORECARD_LIMITS.comment),
  /** The revision the resolution made (accepted or partly), else null. */
  revision: z.number().int().min(1).nullable(),
});
export type Resolution = z.infer<typeof Resolution>;

export const Evaluation = EvaluationScores.extend({
  id: entityId,
  kind: EvaluationKind,
  versionId: entityId,
  contactId: entityId,
  channel: Channel,
  agentId: entityId,
  authorId: entityId,
  calibrationId: entityId.nullable(),
  state: EvaluationState,
  /** The current revision (its answers and scores are the ones above). */
  revision: z.number().int().min(1),
  answers: Answers,
  /** Earlier revisions, oldest first. */
  history: z.array(EvaluationRevision).max(100),
  releaseAt: Timestamp.nullable(),
  releasedAt: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  disputes: z.array(Dispute).max(SCORECARD_LIMITS.criteria),
  resolution: Resolution.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  /**
   * Display names of the people it mentions (agent, authors, who disputed and resolved), so a
   * reader shows names even for people outside their own directory. Absent on evaluations a
   * console cached before the field existed.
   */
  names: z.record(entityId, z.string().max(200)).optional(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** A person's name as the evaluation gives it, else the directory's, else the id. */
export function personName(evaluation: Pick<Evaluation, 'names'>, id: string, directory?: string): string {
  return evaluation.names?.[id] ?? directory ?? id;
}

/**
 * `POST /api/v1/evaluations`: a draft (or, with `submit`, a submitted evaluation). With
 * `calibrationId` it is that session's calibration evaluation; `kind: "self"` is an agent's
 * self-assessment of their own contact.
 */
export const CreateEvaluationBody = z.object({
  versionId: entityId,
  contactId: entityId,
  answers: Answers,
  calibrationId: entityId.optional(),
  kind: EvaluationKind.exclude(['calibration']).optional(),
  submit: z.boolean().optional(),
});
export type CreateEvaluationBody = z.infer<typeof CreateEvaluationBody>;

/** `POST /api/v1/evaluations/:id/release`: now, or at a set time. */
export const ReleaseEvaluationBody = z.object({ at: isoDateTime.optional() });
export type ReleaseEvaluationBody = z.infer<typeof ReleaseEvaluationBody>;

export const AcknowledgeEvaluationBody = z.object({
  note: z.string().trim().max(SCORECARD_LIMITS.comment).optional(),
});
export type AcknowledgeEvaluationBody = z.infer<typeof AcknowledgeEvaluationBody>;

/** `POST /api/v1/evaluations/:id/dispute`: one reason per disputed criterion. */
export const DisputeEvaluationBody = z.object({
  items: z
    .array(z.object({ key: ScorecardKey, reason: disputeReason }))
    .min(1)
    .max(SCORECARD_LIMITS.criteria)
    .refine(
      (items) => new Set(items.map((i) => i.key)).size === items.length,
      'a criterion is disputed twice',
    ),
});
export type DisputeEvaluationBody = z.infer<typeof DisputeEvaluationBody>;

/**
 * `POST /api/v1/evaluations/:id/resolve`: a decision per disputed criterion; accepting any needs
 * the re-scored answers (a new revision). The outcome follows: all accepted, some, or none.
 */
export const ResolveEvaluationBody = z.object({
  decisions: z
    .array(
      z.object({
        key: ScorecardKey,
        decision: z.enum(['accepted', 'rejected']),
        note: z.string().trim().max(SCORECARD_LIMITS.comment).optional(),
      }),
    )
    .min(1)
    .max(SCORECARD_LIMITS.criteria),
  answers: Answers.optional(),
  note: z.string().trim().max(SCORECARD_LIMITS.comment).optional(),
});
export type ResolveEvaluationBody = z.infer<typeof ResolveEvaluationBody>;

/** A re-score outside a dispute (by the author or a supervisor): a new revision. */
export const RescoreEvaluationBody = z.object({
  answers: Answers,
  reason: z.string().trim().min(1).max(SCORECARD_LIMITS.comment),
});
export type RescoreEvaluationBody = z.infer<typeof RescoreEvaluationBody>;

/** `GET /api/v1/evaluations?agent&from&to`. */
export const EvaluationListQuery = z.object({
  agent: entityId.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;
