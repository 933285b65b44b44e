import type { Channel } from '../../protocol/channels';
import type {
  Answer,
  AnswerValue,
  CriticalEffect,
  Criterion,
  ScorecardContent,
  Section,
} from '../../protocol/coaching';

/**
 * Scoring, exactly as docs/SCORECARDS.md writes it:
 *
 *   criterion fraction f   yes = 1, no = 0; scale (v − min)/(max − min); choice = the option's fraction
 *   section score          100 · Σ w·f / Σ w over the section's applicable criteria
 *   form score             Σ W·section / Σ W over standard sections with an applicable criterion,
 *                          + each bonus section's score × its cap / 100   (at most 100 + the caps)
 *
 * A criterion is applicable when it is scored (not free text), has a weight, applies to the
 * contact's channel and has an answer that is not N/A; the others leave the sums, so their weight
 * is re-spread over the rest. A failed critical criterion sets its section (or the whole form) to 0
 * in the FINAL score; the RAW score ignores critical rules and is kept beside it.
 *
 * Scoring reads answers already checked by `validateAnswers`; a value it cannot read counts as
 * unanswered rather than throwing, so a half-typed draft can still show a live preview.
 */

export interface ScoringContext {
  /** The contact's channel; criteria limited to other channels are N/A. Omitted: every criterion applies. */
  channel?: Channel;
}

export interface CriticalFailure {
  key: string;
  sectionKey: string;
  effect: Exclude<CriticalEffect, 'none'>;
}

export interface SectionScore {
  key: string;
  kind: Section['kind'];
  /** 0–100, or null when no criterion of the section is applicable. */
  raw: number | null;
  /** The raw score, or 0 when a critical criterion of this section failed it. */
  final: number | null;
  /** Standard sections: the weight W. Bonus sections: the cap in points. */
  weight: number;
  /** Bonus sections: the points added to the form (raw and final); 0 for standard sections. */
  bonusPoints: { raw: number; final: number };
}

export interface FormScore {
  /** 0 … 100 + the bonus caps; null when no standard section has an applicable criterion. */
  raw: number | null;
  /** The raw score after critical failures: 0 when one fails the form. */
  final: number | null;
  /** The highest score this form can reach: 100 + the bonus caps. */
  max: number;
  sections: SectionScore[];
  criticalFailures: CriticalFailure[];
}

/** Whether the criterion applies to a contact on `channel` (no channel list: every channel). */
export function appliesToChannel(criterion: Criterion, channel: Channel | undefined): boolean {
  return channel === undefined || criterion.channels.length === 0 || criterion.channels.includes(channel);
}

/**
 * The share of full marks an answer earns: null for N/A, free text, or a value that does not fit
 * the criterion (validation reports those).
 */
export function criterionFraction(criterion: Criterion, value: AnswerValue | undefined): number | null {
  if (value === null || value === undefined) return null;
  switch (criterion.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return null;
      if (value < criterion.min || value > criterion.max || criterion.max <= criterion.min) return null;
      return (value - criterion.min) / (criterion.max - criterion.min);
    case 'choice':
      return criterion.options.find((option) => option.key === value)?.fraction ?? null;
    case 'text':
      return null;
  }
}

/** Answers by criterion key; with duplicates the first one counts (validation refuses duplicates). */
export function answersByKey(answers: readonly Answer[]): Map<string, Answer> {
  const byKey = new Map<string, Answer>();
  for (const answer of answers) if (!byKey.has(answer.key)) byKey.set(answer.key, answer);
  return byKey;
}

/** Each scored criterion's fraction (null: N/A, unanswered or not for this channel), by key. */
export function criterionFractions(
  content: Pick<ScorecardContent, 'sections'>,
  answers: readonly Answer[],
  context: ScoringContext = {},
): Map<string, number | null> {
  const byKey = answersByKey(answers);
  const fractions = new Map<string, number | null>();
  for (const section of content.sections) {
    for (const criterion of section.criteria) {
      if (criterion.kind === 'text') continue;
      const applies = appliesToChannel(criterion, context.channel);
      fractions.set(
        criterion.key,
        applies ? criterionFraction(criterion, byKey.get(criterion.key)?.value) : null,
      );
    }
  }
  return fractions;
}

function isCriticalFailure(criterion: Criterion, fraction: number | null): boolean {
  return (
    criterion.critical.effect !== 'none' && fraction !== null && fraction < criterion.critical.failsBelow
  );
}

function scoreSection(
  section: Section,
  fractions: Map<string, number | null>,
): SectionScore & { failures: CriticalFailure[] } {
  let weighted = 0;
  let totalWeight = 0;
  const failures: CriticalFailure[] = [];
  for (const criterion of section.criteria) {
    const fraction = fractions.get(criterion.key) ?? null;
    if (fraction === null) continue;
    if (criterion.weight > 0) {
      weighted += criterion.weight * fraction;
      totalWeight += criterion.weight;
    }
    if (isCriticalFailure(criterion, fraction)) {
      const effect = criterion.critical.effect === 'form' ? 'form' : 'section';
      failures.push({ key: criterion.key, sectionKey: section.key, effect });
    }
  }
  // Clamp: floating-point sums may land a hair outside 0–100.
  const raw = totalWeight > 0 ? Math.min(100, Math.max(0, (100 * weighted) / totalWeight)) : null;
  const failsSection = failures.some((failure) => failure.effect === 'section');
  const final = raw === null ? null : failsSection ? 0 : raw;
  const isBonus = section.kind === 'bonus';
  const weight = isBonus ? section.cap : section.weight;
  const bonusPoints = isBonus
    ? { raw: ((raw ?? 0) * section.cap) / 100, final: ((final ?? 0) * section.cap) / 100 }
    : { raw: 0, final: 0 };
  return { key: section.key, kind: section.kind, raw, final, weight, bonusPoints, failures };
}

/** Σ W·score / Σ W over the standard sections that have a score; null when none has one. */
function weightedBase(
  sections: readonly SectionScore[],
  pick: (section: SectionScore) => number | null,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const section of sections) {
    const score = pick(section);
    if (section.kind !== 'standard' || score === null || section.weight <= 0) continue;
    weighted += section.weight * score;
    totalWeight += section.weight;
  }
  return totalWeight > 0 ? Math.min(100, Math.max(0, weighted / totalWeight)) : null;
}

/** Scores a form: raw and final, per section, and which critical criteria failed. */
export function scoreForm(
  content: Pick<ScorecardContent, 'sections'>,
  answers: readonly Answer[],
  context: ScoringContext = {},
): FormScore {
  const fractions = criterionFractions(content, answers, context);
  const scored = content.sections.map((section) => scoreSection(section, fractions));
  const criticalFailures = scored.flatMap((section) => section.failures);
  const sections: SectionScore[] = scored.map(({ failures: _failures, ...section }) => section);
  const bonusRaw = sections.reduce((sum, section) => sum + section.bonusPoints.raw, 0);
  const bonusFinal = sections.reduce((sum, section) => sum + section.bonusPoints.final, 0);
  const max = 100 + content.sections.reduce((sum, s) => sum + (s.kind === 'bonus' ? s.cap : 0), 0);

  const baseRaw = weightedBase(sections, (section) => section.raw);
  const baseFinal = weightedBase(sections, (section) => section.final);
  const failsForm = criticalFailures.some((failure) => failure.effect === 'form');
  const raw = baseRaw === null ? null : Math.min(max, baseRaw + bonusRaw);
  let final: number | null = baseFinal === null ? null : Math.min(max, baseFinal + bonusFinal);
  if (failsForm) final = 0;
  return { raw, final, max, sections, criticalFailures };
}
