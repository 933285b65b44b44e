import type { z } from 'zod';
import {
  ChoiceCriterion,
  ScaleCriterion,
  Section,
  TextCriterion,
  YesNoCriterion,
  type Criterion,
  type ScorecardContent,
} from '../../../protocol/coaching';

/** Builders for test forms: the schemas fill every default, as they would for a parsed form. */

type Extra<T extends z.ZodType> = Partial<z.input<T>>;

export function yesNo(key: string, extra: Extra<typeof YesNoCriterion> = {}): Criterion {
  return YesNoCriterion.parse({ kind: 'yes_no', key, label: key, weight: 1, ...extra });
}

export function scale(key: string, extra: Extra<typeof ScaleCriterion> = {}): Criterion {
  const min = extra.min ?? 1;
  const max = extra.max ?? 5;
  const anchors = Array.from({ length: max - min + 1 }, (_, i) => ({
    value: min + i,
    text: `Point ${min + i}`,
  }));
  return ScaleCriterion.parse({ kind: 'scale', key, label: key, weight: 1, min, max, anchors, ...extra });
}

export const FULL_MINOR_WRONG = [
  { key: 'full', label: 'Full', fraction: 1 },
  { key: 'minor', label: 'Minor deviation', fraction: 0.5 },
  { key: 'wrong', label: 'Wrong', fraction: 0 },
];

export function choice(key: string, extra: Extra<typeof ChoiceCriterion> = {}): Criterion {
  return ChoiceCriterion.parse({
    kind: 'choice',
    key,
    label: key,
    weight: 1,
    options: FULL_MINOR_WRONG,
    ...extra,
  });
}

export function text(key: string, extra: Extra<typeof TextCriterion> = {}): Criterion {
  return TextCriterion.parse({ kind: 'text', key, label: key, weight: 0, ...extra });
}

export function standard(key: string, weight: number, criteria: Criterion[]): Section {
  return Section.parse({ kind: 'standard', key, title: key, weight, criteria });
}

export function bonus(key: string, cap: number, criteria: Criterion[]): Section {
  return Section.parse({ kind: 'bonus', key, title: key, cap, criteria });
}

export function form(...sections: Section[]): ScorecardContent {
  return { name: 'Test form', description: '', sections };
}

/**
 * The worked example of docs/SCORECARDS.md: three standard sections and a bonus, with a
 * form-critical identity check and a section-critical process choice.
 */
export function workedExample(): ScorecardContent {
  return form(
    standard('opening', 20, [
      yesNo('greeting'),
      yesNo('identity_verified', { weight: 2, critical: { effect: 'form', failsBelow: 0.5 } }),
    ]),
    standard('communication', 50, [
      scale('empathy', { weight: 2 }),
      scale('clarity'),
      yesNo('hold_etiquette', { naAllowed: true, channels: ['phone', 'callback'] }),
    ]),
    standard('process', 30, [
      choice('correct_process', { weight: 3, critical: { effect: 'section', failsBelow: 0.5 } }),
      yesNo('case_notes'),
    ]),
    bonus('extra_mile', 5, [yesNo('proactive_help')]),
  );
}
