import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Criterion, ScorecardContent } from '../../protocol/coaching';
import { criterionFraction, scoreForm } from './scoring';
import { arbFormWithAnswers, criteriaOf, valuesOf } from './testing/coaching-arbitraries';

const EPSILON = 1e-9;

/** A form, its answers, and one scored criterion of it to play with. */
const arbWithScoredCriterion = arbFormWithAnswers
  .filter(({ content }) => criteriaOf(content).some((c) => c.kind !== 'text'))
  .chain((scenario) => {
    const scored = criteriaOf(scenario.content).filter((c) => c.kind !== 'text');
    return fc.constantFrom(...scored).map((criterion) => ({ ...scenario, criterion }));
  });

function answerWith(answers: readonly Answer[], key: string, value: Answer['value']): Answer[] {
  return answers.map((answer) => (answer.key === key ? { ...answer, value } : answer));
}

/** The criterion's lowest- and highest-scoring values. */
function extremes(criterion: Criterion): { lowest: Answer['value']; highest: Answer['value'] } {
  const values = valuesOf(criterion).filter((v) => v !== null);
  const byFraction = [...values].sort(
    (a, b) => (criterionFraction(criterion, a) ?? 0) - (criterionFraction(criterion, b) ?? 0),
  );
  return { lowest: byFraction[0] ?? null, highest: byFraction.at(-1) ?? null };
}

/** A scored criterion whose lowest answer misses full marks, so it can fail a critical rule at 1. */
const arbFailingCriterion = arbWithScoredCriterion.filter(
  ({ criterion }) => (criterionFraction(criterion, extremes(criterion).lowest) ?? 1) < 1,
);

function mapCriteria(
  content: ScorecardContent,
  change: (criterion: Criterion) => Criterion,
): ScorecardContent {
  return {
    ...content,
    sections: content.sections.map((section) => ({ ...section, criteria: section.criteria.map(change) })),
  };
}

describe('scoreForm (properties over random forms and answers)', () => {
  it('keeps every score within bounds, and the final never above the raw', () => {
    fc.assert(
      fc.property(arbFormWithAnswers, ({ content, answers }) => {
        const score = scoreForm(content, answers);
        for (const section of score.sections) {
          for (const value of [section.raw, section.final]) {
            if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
            if (value !== null) expect(value).toBeLessThanOrEqual(100);
          }
        }
        if (score.raw === null) return;
        expect(score.raw).toBeGreaterThanOrEqual(0);
        expect(score.raw).toBeLessThanOrEqual(score.max);
        expect(score.final ?? 0).toBeLessThanOrEqual(score.raw + EPSILON);
      }),
    );
  });

  it('N/A never scores below the lowest answer nor above the highest: it is the criterion left out', () => {
    fc.assert(
      fc.property(arbWithScoredCriterion, ({ content, answers, criterion }) => {
        const { lowest, highest } = extremes(criterion);
        const na = scoreForm(content, answerWith(answers, criterion.key, null)).raw;
        const low = scoreForm(content, answerWith(answers, criterion.key, lowest)).raw;
        const high = scoreForm(content, answerWith(answers, criterion.key, highest)).raw;
        const withoutIt = scoreForm(
          {
            ...content,
            sections: content.sections.map((s) => ({
              ...s,
              criteria: s.criteria.filter((c) => c !== criterion),
            })),
          },
          answers,
        ).raw;
        expect(na).toBe(withoutIt);
        if (na === null || low === null || high === null) return;
        expect(na).toBeGreaterThanOrEqual(low - EPSILON);
        expect(na).toBeLessThanOrEqual(high + EPSILON);
      }),
    );
  });

  it('is unchanged when every criterion weight, or every section weight, is scaled by the same factor', () => {
    const factor = fc.double({ min: 0.01, max: 1000, noNaN: true });
    fc.assert(
      fc.property(arbFormWithAnswers, factor, factor, ({ content, answers }, k, kSection) => {
        const scaled = mapCriteria(content, (criterion) => ({ ...criterion, weight: criterion.weight * k }));
        const sectionsScaled: ScorecardContent = {
          ...scaled,
          sections: scaled.sections.map((s) =>
            s.kind === 'standard' ? { ...s, weight: s.weight * kSection } : s,
          ),
        };
        const before = scoreForm(content, answers);
        const after = scoreForm(sectionsScaled, answers);
        if (before.raw === null) {
          expect(after.raw).toBeNull();
          return;
        }
        expect(after.raw).toBeCloseTo(before.raw, 9);
        after.sections.forEach((section, i) =>
          expect(section.raw ?? -1).toBeCloseTo(before.sections[i]?.raw ?? -1, 9),
        );
      }),
    );
  });

  it('a failed form-critical criterion always gives a final 0, and never changes the raw score', () => {
    fc.assert(
      fc.property(arbFailingCriterion, ({ content, answers, criterion }) => {
        const critical = mapCriteria(content, (c) =>
          c.key === criterion.key ? { ...c, critical: { effect: 'form', failsBelow: 1 } } : c,
        );
        const failing = answerWith(answers, criterion.key, extremes(criterion).lowest);
        const score = scoreForm(critical, failing);
        expect(score.final).toBe(0);
        expect(score.raw).toBe(scoreForm(content, failing).raw);
      }),
    );
  });

  it('a failed section-critical criterion always gives its section a final 0', () => {
    fc.assert(
      fc.property(arbFailingCriterion, ({ content, answers, criterion }) => {
        const critical = mapCriteria(content, (c) =>
          c.key === criterion.key ? { ...c, critical: { effect: 'section', failsBelow: 1 } } : c,
        );
        const score = scoreForm(critical, answerWith(answers, criterion.key, extremes(criterion).lowest));
        const sectionKey = content.sections.find((s) => s.criteria.includes(criterion))?.key;
        const section = score.sections.find((s) => s.key === sectionKey);
        expect(section?.final).toBe(0);
        expect(section?.bonusPoints.final).toBe(0);
      }),
    );
  });
});
