import { describe, expect, it } from 'vitest';
import { validateForPublish } from './template-validation';
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

const problems = (content: Parameters<typeof validateForPublish>[0]) =>
  validateForPublish(content).map((p) => [p.path, p.key, p.code]);

describe('validateForPublish', () => {
  it('passes a complete form', () => {
    expect(validateForPublish(workedExample())).toEqual([]);
  });

  it('refuses an empty form and one where nothing standard is scored', () => {
    expect(problems(form())).toEqual([['sections', null, 'no_sections']]);
    expect(problems(form(standard('notes', 1, [text('summary')]), bonus('b', 5, [yesNo('x')])))).toEqual([
      ['sections', null, 'nothing_scored'],
    ]);
  });

  it('refuses a criterion key used twice anywhere in the form, and a section key used twice', () => {
    expect(problems(form(standard('a', 1, [yesNo('x')]), standard('a', 1, [yesNo('x')])))).toEqual([
      ['sections[1].key', 'a', 'duplicate_section_key'],
      ['sections[1].criteria[0].key', 'x', 'duplicate_key'],
    ]);
  });

  it('needs weights above 0 on scored criteria and scored sections, and a cap on a bonus', () => {
    expect(
      problems(form(standard('a', 0, [yesNo('x', { weight: 0 })]), bonus('b', 0, [yesNo('y')]))),
    ).toEqual([
      ['sections[0].weight', 'a', 'weight_not_positive'],
      ['sections[0].criteria[0].weight', 'x', 'weight_not_positive'],
      ['sections[1].cap', 'b', 'cap_not_positive'],
    ]);
    // A section of free text only is never scored, so its weight does not matter.
    expect(problems(form(standard('a', 1, [yesNo('x')]), standard('notes', 0, [text('t')])))).toEqual([]);
  });

  it('needs a scale with min below max, at most 11 points, and exactly one anchor per point', () => {
    expect(problems(form(standard('a', 1, [scale('s', { min: 3, max: 3, anchors: [] })])))).toEqual([
      ['sections[0].criteria[0]', 's', 'scale_range'],
    ]);
    expect(problems(form(standard('a', 1, [scale('s', { min: 0, max: 11, anchors: [] })])))).toEqual([
      ['sections[0].criteria[0]', 's', 'scale_too_wide'],
    ]);
    const gaps = scale('s', { anchors: [1, 2, 4, 6].map((value) => ({ value, text: `p${value}` })) });
    expect(problems(form(standard('a', 1, [gaps])))).toEqual([
      ['sections[0].criteria[0].anchors', 's', 'anchor_outside_scale'],
      ['sections[0].criteria[0].anchors', 's', 'anchors_incomplete'],
    ]);
    expect(validateForPublish(form(standard('a', 1, [gaps])))[1]?.message).toBe(
      's: every point needs one anchor text: no text for 3, 5',
    );
    const twice = scale('s', { anchors: [1, 1, 2, 3, 4, 5].map((value) => ({ value, text: `p${value}` })) });
    expect(problems(form(standard('a', 1, [twice])))).toEqual([
      ['sections[0].criteria[0].anchors', 's', 'anchors_incomplete'],
    ]);
  });

  it('needs a choice with two distinct options, one of them full marks', () => {
    const one = choice('c', { options: [{ key: 'only', label: 'Only', fraction: 1 }] });
    const same = choice('c', {
      options: [
        { key: 'a', label: 'A', fraction: 1 },
        { key: 'a', label: 'A again', fraction: 0 },
      ],
    });
    const noFull = choice('c', {
      options: [
        { key: 'a', label: 'A', fraction: 0.8 },
        { key: 'b', label: 'B', fraction: 0 },
      ],
    });
    expect(problems(form(standard('s', 1, [one])))).toEqual([
      ['sections[0].criteria[0].options', 'c', 'too_few_options'],
    ]);
    expect(problems(form(standard('s', 1, [same])))).toEqual([
      ['sections[0].criteria[0].options', 'c', 'duplicate_option'],
    ]);
    expect(problems(form(standard('s', 1, [noFull])))).toEqual([
      ['sections[0].criteria[0].options', 'c', 'no_full_marks'],
    ]);
  });

  it('refuses critical rules that could never fire or that sit on free text', () => {
    const neverFails = choice('c', {
      critical: { effect: 'form', failsBelow: 0.5 },
      options: [
        { key: 'a', label: 'A', fraction: 1 },
        { key: 'b', label: 'B', fraction: 0.6 },
      ],
    });
    const criticalText = text('t', { critical: { effect: 'section', failsBelow: 0.5 } });
    expect(problems(form(standard('s', 1, [neverFails, criticalText])))).toEqual([
      ['sections[0].criteria[0].critical', 'c', 'critical_never_fails'],
      ['sections[0].criteria[1].critical', 't', 'critical_not_scored'],
    ]);
  });

  it('refuses more than 200 criteria in a version', () => {
    const sections = Array.from({ length: 5 }, (_, s) =>
      standard(
        `s${s}`,
        1,
        Array.from({ length: 41 }, (_, c) => yesNo(`c${s}_${c}`)),
      ),
    );
    expect(problems(form(...sections))).toEqual([['sections', null, 'too_many_criteria']]);
  });
});
