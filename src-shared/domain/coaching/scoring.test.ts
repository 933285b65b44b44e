import { describe, expect, it } from 'vitest';
import type { Answer } from '../../protocol/coaching';
import { criterionFraction, scoreForm } from './scoring';
import {
  bonus,
  choice,
  form,
  scale,
  standard,
  text,
  workedExample,
  yesNo,
} from './testing/coaching-fixtures';

const exampleAnswers: Answer[] = [
  { key: 'greeting', value: true },
  { key: 'identity_verified', value: true },
  { key: 'empathy', value: 4 },
  { key: 'clarity', value: 3 },
  { key: 'hold_etiquette', value: null },
  { key: 'correct_process', value: 'minor' },
  { key: 'case_notes', value: false },
  { key: 'proactive_help', value: true },
];

function withAnswer(key: string, value: Answer['value']): Answer[] {
  return exampleAnswers.map((answer) => (answer.key === key ? { ...answer, value } : answer));
}

describe('criterionFraction', () => {
  it('reads yes/no as 1/0, a scale from its min to its max, a choice as its option fraction', () => {
    expect(criterionFraction(yesNo('a'), true)).toBe(1);
    expect(criterionFraction(yesNo('a'), false)).toBe(0);
    expect(criterionFraction(scale('s', { min: 1, max: 5 }), 1)).toBe(0);
    expect(criterionFraction(scale('s', { min: 1, max: 5 }), 4)).toBe(0.75);
    expect(criterionFraction(scale('s', { min: 0, max: 10 }), 10)).toBe(1);
    expect(criterionFraction(choice('c'), 'minor')).toBe(0.5);
  });

  it('gives no fraction for N/A, free text, or a value that does not fit', () => {
    expect(criterionFraction(yesNo('a'), null)).toBeNull();
    expect(criterionFraction(text('t'), 'fine')).toBeNull();
    expect(criterionFraction(scale('s'), 6)).toBeNull();
    expect(criterionFraction(scale('s'), 2.5)).toBeNull();
    expect(criterionFraction(choice('c'), 'unknown')).toBeNull();
    expect(criterionFraction(yesNo('a'), 1)).toBeNull();
  });
});

describe('scoreForm: the worked example of docs/SCORECARDS.md', () => {
  it('re-spreads an N/A weight, weights the sections and adds the bonus up to its cap', () => {
    const score = scoreForm(workedExample(), exampleAnswers, { channel: 'phone' });
    const byKey = Object.fromEntries(score.sections.map((s) => [s.key, s]));
    expect(byKey.opening?.raw).toBe(100);
    expect(byKey.communication?.raw).toBeCloseTo(66.667, 3);
    expect(byKey.process?.raw).toBe(37.5);
    expect(byKey.extra_mile?.bonusPoints).toEqual({ raw: 5, final: 5 });
    // (20·100 + 50·66.667 + 30·37.5) / 100 = 64.583, + 5 bonus
    expect(score.raw).toBeCloseTo(69.583, 3);
    expect(score.final).toBeCloseTo(69.583, 3);
    expect(score.max).toBe(105);
    expect(score.criticalFailures).toEqual([]);
  });

  it('zeroes a section whose critical criterion failed in the final score, keeping the raw', () => {
    const answers = withAnswer('correct_process', 'wrong').map((a) =>
      a.key === 'case_notes' ? { ...a, value: true } : a,
    );
    const score = scoreForm(workedExample(), answers, { channel: 'phone' });
    const process = score.sections.find((s) => s.key === 'process');
    expect(process).toMatchObject({ raw: 25, final: 0 });
    expect(score.raw).toBeCloseTo(65.833, 3);
    expect(score.final).toBeCloseTo(58.333, 3);
    expect(score.criticalFailures).toEqual([
      { key: 'correct_process', sectionKey: 'process', effect: 'section' },
    ]);
  });

  it('zeroes the whole final score when a form-critical criterion fails, bonus included', () => {
    const score = scoreForm(workedExample(), withAnswer('identity_verified', false), { channel: 'phone' });
    expect(score.final).toBe(0);
    expect(score.raw).toBeCloseTo(56.25, 3);
    expect(score.criticalFailures).toEqual([
      { key: 'identity_verified', sectionKey: 'opening', effect: 'form' },
    ]);
  });

  it('leaves a criterion for other channels out, as if answered N/A', () => {
    const onEmail = scoreForm(workedExample(), withAnswer('hold_etiquette', true), { channel: 'email' });
    const naOnPhone = scoreForm(workedExample(), exampleAnswers, { channel: 'phone' });
    expect(onEmail.raw).toBeCloseTo(naOnPhone.raw ?? -1, 10);
  });
});

describe('scoreForm: edges', () => {
  it('leaves a section with nothing applicable out of the form score', () => {
    const content = form(
      standard('a', 50, [yesNo('x', { naAllowed: true })]),
      standard('b', 50, [yesNo('y')]),
      standard('notes', 10, [text('summary')]),
    );
    const score = scoreForm(content, [
      { key: 'x', value: null },
      { key: 'y', value: true },
      { key: 'summary', value: 'Good call' },
    ]);
    expect(score.sections.map((s) => s.raw)).toEqual([null, 100, null]);
    expect(score.raw).toBe(100);
  });

  it('has no score when nothing standard is applicable, and never more than 100 + the caps', () => {
    const content = form(standard('a', 1, [yesNo('x', { naAllowed: true })]), bonus('b', 10, [yesNo('y')]));
    expect(
      scoreForm(content, [
        { key: 'x', value: null },
        { key: 'y', value: true },
      ]),
    ).toMatchObject({
      raw: null,
      final: null,
      max: 110,
    });
    expect(
      scoreForm(content, [
        { key: 'x', value: true },
        { key: 'y', value: true },
      ]).raw,
    ).toBe(110);
  });

  it('counts the first of duplicate answers and ignores answers to unknown keys', () => {
    const content = form(standard('a', 1, [yesNo('x'), yesNo('y')]));
    const score = scoreForm(content, [
      { key: 'x', value: true },
      { key: 'x', value: false },
      { key: 'y', value: true },
      { key: 'ghost', value: false },
    ]);
    expect(score.raw).toBe(100);
  });
});
