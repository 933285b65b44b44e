import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { buildBenchmarkForm } from './benchmark-form';
import { scoreForm } from './scoring';
import { validateForPublish } from './template-validation';

describe('buildBenchmarkForm', () => {
  it('builds a publishable 40-criterion form with valid, complete answers that score', () => {
    const { content, answers } = buildBenchmarkForm();
    expect(content.sections.flatMap((s) => s.criteria)).toHaveLength(40);
    expect(new Set(content.sections.flatMap((s) => s.criteria.map((c) => c.kind)))).toEqual(
      new Set(['yes_no', 'scale', 'choice', 'text']),
    );
    expect(validateForPublish(content)).toEqual([]);
    expect(validateAnswers(content, answers, { complete: true })).toEqual([]);
    expect(answers.some((a) => a.value === null)).toBe(true);
    const score = scoreForm(content, answers);
    expect(score.final).toBeGreaterThan(0);
    expect(score.max).toBe(105);
  });

  it('builds the same form and answers for the same arguments', () => {
    expect(buildBenchmarkForm(40, 9)).toEqual(buildBenchmarkForm(40, 9));
    expect(buildBenchmarkForm(40, 9).answers).not.toEqual(buildBenchmarkForm(40, 10).answers);
    expect(buildBenchmarkForm(7).content.sections.flatMap((s) => s.criteria)).toHaveLength(7);
  });
});
