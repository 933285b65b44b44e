import type { Answer, Criterion, ScorecardContent, Section } from '../../protocol/coaching';
import { createRandom } from '../random';

/**
 * A large, realistic form and a full set of answers, for timing `scoreForm` and
 * `validateAnswers` (bench/) and as a floor for the live preview: criteria of every kind, N/A
 * answers, comments, a critical criterion and a bonus section. The same arguments always build
 * the same form and answers.
 */

const CRITERIA_PER_SECTION = 5;

function criterionAt(index: number): Criterion {
  const base = {
    key: `criterion_${index + 1}`,
    label: `Criterion ${index + 1}`,
    description: '',
    weight: 1 + (index % 4),
    naAllowed: index % 3 === 0,
    comment:
      index % 5 === 0 ? { when: 'low_score' as const, belowFraction: 0.5 } : { when: 'never' as const },
    critical: { effect: index === 1 ? ('form' as const) : ('none' as const), failsBelow: 0.5 },
    skill: `skill_${index % 6}`,
    channels: [],
  };
  switch (index % 4) {
    case 0:
      return { ...base, kind: 'yes_no' };
    case 1:
      return {
        ...base,
        kind: 'scale',
        min: 1,
        max: 5,
        anchors: [1, 2, 3, 4, 5].map((value) => ({ value, text: `Anchor ${value}` })),
      };
    case 2:
      return {
        ...base,
        kind: 'choice',
        options: [
          { key: 'full', label: 'Full', fraction: 1 },
          { key: 'partial', label: 'Partial', fraction: 0.5 },
          { key: 'none', label: 'None', fraction: 0 },
        ],
      };
    default:
      // Every fourth of the last kind is free text, which scoring skips.
      return index % 8 === 7
        ? { ...base, kind: 'text', maxLength: 2_000, critical: { effect: 'none', failsBelow: 0.5 } }
        : { ...base, kind: 'yes_no' };
  }
}

function answerFor(criterion: Criterion, next: () => number): Answer {
  const roll = next();
  if (criterion.naAllowed && roll < 0.1) return { key: criterion.key, value: null };
  const comment = 'Observed at the start of the call; see the anchored line.';
  switch (criterion.kind) {
    case 'yes_no':
      return { key: criterion.key, value: roll < 0.85, comment };
    case 'scale':
      // Never below the critical threshold, so the form keeps a final score worth timing.
      return { key: criterion.key, value: 3 + Math.floor(roll * 3), comment };
    case 'choice':
      return { key: criterion.key, value: roll < 0.7 ? 'full' : 'partial', comment };
    case 'text':
      return { key: criterion.key, value: 'Clear and friendly throughout; follow up on hold etiquette.' };
  }
}

/** A form of `criteria` criteria (5 per section, the last section a bonus) with answers to all. */
export function buildBenchmarkForm(
  criteria = 40,
  seed = 1,
): { content: ScorecardContent; answers: Answer[] } {
  const sectionCount = Math.ceil(criteria / CRITERIA_PER_SECTION);
  const sections: Section[] = Array.from({ length: sectionCount }, (_, s) => {
    const first = s * CRITERIA_PER_SECTION;
    const count = Math.min(CRITERIA_PER_SECTION, criteria - first);
    const sectionCriteria = Array.from({ length: count }, (_, c) => criterionAt(first + c));
    const common = {
      key: `section_${s + 1}`,
      title: `Section ${s + 1}`,
      description: '',
      criteria: sectionCriteria,
    };
    return s === sectionCount - 1 && sectionCount > 1
      ? { ...common, kind: 'bonus', cap: 5 }
      : { ...common, kind: 'standard', weight: 10 + 5 * (s % 3) };
  });
  const random = createRandom(seed);
  const answers = sections.flatMap((section) =>
    section.criteria.map((criterion) => answerFor(criterion, () => random.next())),
  );
  return { content: { name: `Benchmark form (${criteria} criteria)`, description: '', sections }, answers };
}
