import { describe, expect, it } from 'vitest';
import { exportScorecard, importScorecard, importScorecardText } from './scorecard-format';
import { form, standard, workedExample, yesNo } from './testing/coaching-fixtures';

describe('scorecard import/export', () => {
  it('round-trips a form through its JSON file unchanged', () => {
    const content = workedExample();
    const file = exportScorecard(content, {
      exportedAt: new Date('2026-03-01T10:00:00Z'),
      source: { templateId: 'tpl_1', versionNumber: 3 },
    });
    expect(file).toMatchObject({
      format: 'agentdeck.scorecard',
      formatVersion: 1,
      exportedAt: '2026-03-01T10:00:00.000Z',
    });
    const imported = importScorecardText(JSON.stringify(file));
    expect(imported).toEqual({ ok: true, content, publishProblems: [] });
  });

  it('fills the defaults a hand-written file leaves out', () => {
    const result = importScorecard({
      format: 'agentdeck.scorecard',
      formatVersion: 1,
      name: 'Minimal',
      sections: [
        {
          kind: 'standard',
          key: 'main',
          title: 'main',
          weight: 1,
          criteria: [{ kind: 'yes_no', key: 'greeting', label: 'greeting', weight: 1 }],
        },
      ],
    });
    const expected = { ...form(standard('main', 1, [yesNo('greeting')])), name: 'Minimal' };
    expect(result).toEqual({ ok: true, content: expected, publishProblems: [] });
    expect(result.ok && result.content.sections[0]?.criteria[0]).toMatchObject({
      naAllowed: false,
      comment: { when: 'never' },
      critical: { effect: 'none' },
      channels: [],
    });
  });

  it('imports an incomplete draft, saying what publishing still needs', () => {
    const file = exportScorecard(form(standard('main', 1, [yesNo('greeting', { weight: 0 })])));
    const result = importScorecard(file);
    expect(result.ok && result.publishProblems.map((p) => p.code)).toEqual(['weight_not_positive']);
  });

  it('refuses what is not a scorecard file, or is from a newer format, saying why', () => {
    expect(importScorecardText('{"format":')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'the file is not valid JSON' }],
    });
    expect(importScorecard([1, 2])).toMatchObject({ ok: false, issues: [{ path: '' }] });
    expect(importScorecard({ format: 'other', formatVersion: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: 'format' }],
    });
    expect(
      importScorecard({ format: 'agentdeck.scorecard', formatVersion: 2, name: 'x', sections: [] }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'formatVersion',
          message: 'made by a newer Agentdeck (format version 2); this one reads version 1',
        },
      ],
    });
  });

  it('names the field of every schema problem', () => {
    const result = importScorecard({
      format: 'agentdeck.scorecard',
      formatVersion: 1,
      name: 'Broken',
      sections: [
        {
          kind: 'standard',
          key: 'Main Section',
          title: 'Main',
          weight: 1,
          criteria: [{ kind: 'scale', key: 'x', label: 'X', weight: 1, min: 1 }],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual([
        'sections.0.key',
        'sections.0.criteria.0.max',
      ]);
    }
  });
});
