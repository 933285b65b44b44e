import fc from 'fast-check';
import type { Answer, Criterion, ScorecardContent, Section } from '../../../protocol/coaching';
import { bonus, choice, scale, standard, text, yesNo } from './coaching-fixtures';

/** Random forms and fitting answers for property tests. */

const weight = fc.double({ min: 0.1, max: 20, noNaN: true });

const criterionSpec = fc.record({
  kind: fc.constantFrom('yes_no', 'scale', 'choice', 'text'),
  weight,
  naAllowed: fc.boolean(),
  min: fc.integer({ min: -2, max: 2 }),
  width: fc.integer({ min: 1, max: 9 }),
  fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

type CriterionSpec = typeof criterionSpec extends fc.Arbitrary<infer T> ? T : never;

function buildCriterion(spec: CriterionSpec, key: string): Criterion {
  const common = { weight: spec.weight, naAllowed: spec.naAllowed };
  switch (spec.kind) {
    case 'yes_no':
      return yesNo(key, common);
    case 'scale':
      return scale(key, { ...common, min: spec.min, max: spec.min + spec.width });
    case 'choice':
      return choice(key, {
        ...common,
        options: [1, ...spec.fractions].map((fraction, i) => ({
          key: `o${i}`,
          label: `Option ${i}`,
          fraction,
        })),
      });
    default:
      return text(key);
  }
}

const sectionSpec = fc.record({
  weight,
  isBonus: fc.boolean(),
  cap: fc.double({ min: 0, max: 20, noNaN: true }),
  criteria: fc.array(criterionSpec, { minLength: 1, maxLength: 5 }),
});

/** 1–4 sections (the first always standard), 1–5 criteria each, unique keys. */
export const arbForm: fc.Arbitrary<ScorecardContent> = fc
  .array(sectionSpec, { minLength: 1, maxLength: 4 })
  .map((specs) => {
    let next = 0;
    const sections: Section[] = specs.map((spec, s) => {
      const criteria = spec.criteria.map((c) => buildCriterion(c, `c${next++}`));
      return spec.isBonus && s > 0
        ? bonus(`s${s}`, spec.cap, criteria)
        : standard(`s${s}`, spec.weight, criteria);
    });
    return { name: 'Random form', description: '', sections };
  });

/** Every value a criterion can take (N/A included where allowed). */
export function valuesOf(criterion: Criterion): Answer['value'][] {
  const na: Answer['value'][] = criterion.naAllowed ? [null] : [];
  switch (criterion.kind) {
    case 'yes_no':
      return [true, false, ...na];
    case 'scale':
      return [
        ...Array.from({ length: criterion.max - criterion.min + 1 }, (_, i) => criterion.min + i),
        ...na,
      ];
    case 'choice':
      return [...criterion.options.map((option) => option.key), ...na];
    case 'text':
      return ['A note', null];
  }
}

export function criteriaOf(content: ScorecardContent): Criterion[] {
  return content.sections.flatMap((section) => section.criteria);
}

/** A form and a full set of answers that fit it. */
export const arbFormWithAnswers: fc.Arbitrary<{ content: ScorecardContent; answers: Answer[] }> =
  arbForm.chain((content) =>
    fc
      .tuple(...criteriaOf(content).map((criterion) => fc.constantFrom(...valuesOf(criterion))))
      .map((values) => ({
        content,
        answers: criteriaOf(content).map((criterion, i) => ({
          key: criterion.key,
          value: values[i] ?? null,
        })),
      })),
  );
