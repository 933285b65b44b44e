import { z } from 'zod';
import { Channel } from './channels';

/**
 * Coaching scorecards: template → versions (draft / published / retired) → sections → criteria.
 * A published version never changes and every evaluation pins one; a criterion's `key` survives
 * new versions so trends continue across edits. The scoring rules are in
 * src-shared/domain/coaching/scoring.ts and docs/SCORECARDS.md.
 *
 * These schemas parse input from outside (HTTP, socket, imported files, stored rows), so every
 * string and array has a limit. They accept a draft that is not yet complete (say, a scale whose
 * anchors are still being written); `validateForPublish` checks what a published version needs.
 */

export const SCORECARD_LIMITS = {
  sections: 30,
  criteriaPerSection: 60,
  /** Criteria in a whole version (Genesys caps a form at 200 questions too). */
  criteria: 200,
  choiceOptions: 20,
  /** Points on a scale, max − min + 1 (0–10 is the widest). */
  scalePoints: 11,
  name: 200,
  label: 200,
  description: 2_000,
  anchorText: 500,
  comment: 4_000,
  /** The most a free-text criterion may allow. */
  textAnswer: 10_000,
  key: 64,
  skill: 64,
} as const;

/** Lowercase letters, digits and `_`, starting with a letter: safe in URLs, CSV headers and JSON keys. */
export const ScorecardKey = z
  .string()
  .max(SCORECARD_LIMITS.key)
  .regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _, starting with a letter');
export type ScorecardKey = z.infer<typeof ScorecardKey>;

/** A share of full marks, 0 (nothing) … 1 (full marks). */
export const Fraction = z.number().min(0).max(1);

/** A moment as stored and sent (ISO 8601); bounded like every string read back from outside. */
export const Timestamp = z.string().max(40);

const label = z.string().trim().min(1).max(SCORECARD_LIMITS.label);
const description = z.string().trim().max(SCORECARD_LIMITS.description).default('');
/** Drafts may hold a zero weight while being edited; publishing needs every scored weight > 0. */
const weight = z.number().finite().min(0).max(1_000);
const entityId = z.string().min(1).max(64);

export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const CRITERION_KINDS = ['yes_no', 'scale', 'choice', 'text'] as const;
export const CriterionKind = z.enum(CRITERION_KINDS);
export type CriterionKind = z.infer<typeof CriterionKind>;

/**
 * When a comment is required: never, always (N/A included), or when the answer scores below
 * `belowFraction` (0.5: "no" on yes/no, 1–2 on a 1–5 scale).
 */
export const CommentRule = z.discriminatedUnion('when', [
  z.object({ when: z.literal('never') }),
  z.object({ when: z.literal('always') }),
  z.object({ when: z.literal('low_score'), belowFraction: Fraction.refine((f) => f > 0, 'above 0') }),
]);
export type CommentRule = z.infer<typeof CommentRule>;

/** What a failed critical criterion does to the FINAL score (the raw score is kept). */
export const CRITICAL_EFFECTS = ['none', 'section', 'form'] as const;
export const CriticalEffect = z.enum(CRITICAL_EFFECTS);
export type CriticalEffect = z.infer<typeof CriticalEffect>;

/** A critical criterion fails when its answer scores below `failsBelow` ("no" fails at any value). */
export const CriticalRule = z.object({
  effect: CriticalEffect,
  failsBelow: Fraction.refine((f) => f > 0, 'above 0').default(0.5),
});
export type CriticalRule = z.infer<typeof CriticalRule>;

const criterionBase = {
  key: ScorecardKey,
  label,
  description,
  weight,
  /** Whether the coach may answer N/A (the criterion then leaves the score and its weight is re-spread). */
  naAllowed: z.boolean().default(false),
  comment: CommentRule.default({ when: 'never' }),
  critical: CriticalRule.default({ effect: 'none', failsBelow: 0.5 }),
  /** The skill it measures, for analytics and coaching follow-ups (e.g. `empathy`). */
  skill: ScorecardKey.nullable().default(null),
  /** Channels it applies to; empty = every channel. On other channels it is N/A by itself. */
  channels: z.array(Channel).max(5).default([]),
};

export const ScaleAnchor = z.object({
  value: z.number().int(),
  text: z.string().trim().min(1).max(SCORECARD_LIMITS.anchorText),
});
export type ScaleAnchor = z.infer<typeof ScaleAnchor>;

export const ChoiceOption = z.object({
  key: ScorecardKey,
  label,
  /** The share of the criterion's weight this option earns. */
  fraction: Fraction,
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const YesNoCriterion = z.object({ ...criterionBase, kind: z.literal('yes_no') });
export const ScaleCriterion = z.object({
  ...criterionBase,
  kind: z.literal('scale'),
  min: z.number().int().min(-100).max(100),
  max: z.number().int().min(-100).max(100),
  /** One text per point, saying what that point means (complete before publishing). */
  anchors: z.array(ScaleAnchor).max(SCORECARD_LIMITS.scalePoints).default([]),
});
export const ChoiceCriterion = z.object({
  ...criterionBase,
  kind: z.literal('choice'),
  options: z.array(ChoiceOption).max(SCORECARD_LIMITS.choiceOptions),
});
/** Free text: never scored (weight and critical rule are ignored), at most `maxLength` characters. */
export const TextCriterion = z.object({
  ...criterionBase,
  kind: z.literal('text'),
  maxLength: z.number().int().min(1).max(SCORECARD_LIMITS.textAnswer).default(2_000),
});

export const Criterion = z.discriminatedUnion('kind', [
  YesNoCriterion,
  ScaleCriterion,
  ChoiceCriterion,
  TextCriterion,
]);
export type Criterion = z.infer<typeof Criterion>;
export type YesNoCriterion = z.infer<typeof YesNoCriterion>;
export type ScaleCriterion = z.infer<typeof ScaleCriterion>;
export type ChoiceCriterion = z.infer<typeof ChoiceCriterion>;
export type TextCriterion = z.infer<typeof TextCriterion>;

const sectionBase = {
  /** Stable across versions, like a criterion key, so section trends continue. */
  key: ScorecardKey,
  title: label,
  description,
  criteria: z.array(Criterion).max(SCORECARD_LIMITS.criteriaPerSection),
};

/** Counts toward the form score with its weight W. */
export const StandardSection = z.object({ ...sectionBase, kind: z.literal('standard'), weight });
/** Adds up to `cap` points on top of the standard sections (a form can reach 100 + the caps). */
export const BonusSection = z.object({
  ...sectionBase,
  kind: z.literal('bonus'),
  cap: z.number().finite().min(0).max(100),
});
export const Section = z.discriminatedUnion('kind', [StandardSection, BonusSection]);
export type Section = z.infer<typeof Section>;
export type StandardSection = z.infer<typeof StandardSection>;
export type BonusSection = z.infer<typeof BonusSection>;

/** What a version holds: the form itself. */
export const ScorecardContent = z.object({
  name: z.string().trim().min(1).max(SCORECARD_LIMITS.name),
  description,
  sections: z.array(Section).max(SCORECARD_LIMITS.sections),
});
export type ScorecardContent = z.infer<typeof ScorecardContent>;

export const ScorecardVersion = ScorecardContent.extend({
  id: entityId,
  templateId: entityId,
  /** 1, 2, 3… within its template. */
  number: z.number().int().min(1),
  status: VersionStatus,
  createdAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  retiredAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type ScorecardVersion = z.infer<typeof ScorecardVersion>;

export const ScorecardVersionSummary = ScorecardVersion.pick({
  id: true,
  number: true,
  status: true,
  name: true,
  createdAt: true,
  publishedAt: true,
  retiredAt: true,
});
export type ScorecardVersionSummary = z.infer<typeof ScorecardVersionSummary>;

export const ScorecardTemplate = z.object({
  id: entityId,
  name: z.string().trim().min(1).max(SCORECARD_LIMITS.name),
  createdAt: Timestamp,
  versions: z.array(ScorecardVersionSummary).max(1_000),
});
export type ScorecardTemplate = z.infer<typeof ScorecardTemplate>;

/** A moment of the contact a comment points at. */
export const AnswerAnchor = z.discriminatedUnion('kind', [
  /** A chat line, an email or a web form on the contact's case. */
  z.object({ kind: z.literal('message'), messageId: entityId }),
  z.object({ kind: z.literal('note'), noteId: entityId }),
  /** A moment of a call, e.g. when it was put on hold; `event` names the call event when it is one. */
  z.object({
    kind: z.literal('call'),
    at: z.iso.datetime({ offset: true }),
    event: z.string().trim().min(1).max(64).optional(),
  }),
]);
export type AnswerAnchor = z.infer<typeof AnswerAnchor>;

/**
 * One answer: `value` is true/false (yes/no), an integer (scale), an option key (choice) or text;
 * null means N/A. Which value fits which criterion is checked by `validateAnswers` against the
 * pinned version, with an error naming the criterion.
 */
export const Answer = z.object({
  key: ScorecardKey,
  value: z.union([z.boolean(), z.number().finite(), z.string().max(SCORECARD_LIMITS.textAnswer)]).nullable(),
  comment: z.string().trim().max(SCORECARD_LIMITS.comment).optional(),
  anchor: AnswerAnchor.optional(),
});
export type Answer = z.infer<typeof Answer>;
export type AnswerValue = Answer['value'];

export const Answers = z.array(Answer).max(SCORECARD_LIMITS.criteria);

/** The import/export file: `{format, formatVersion, ...content}` (docs/SCORECARDS.md). */
export const SCORECARD_FORMAT = 'agentdeck.scorecard';
export const SCORECARD_FORMAT_VERSION = 1;

export const ScorecardFile = ScorecardContent.extend({
  format: z.literal(SCORECARD_FORMAT),
  formatVersion: z.literal(SCORECARD_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  /** Where an export came from; informative only, an import always makes a new draft. */
  source: z.object({ templateId: entityId, versionNumber: z.number().int().min(1) }).optional(),
});
export type ScorecardFile = z.infer<typeof ScorecardFile>;
