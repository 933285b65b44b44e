import { describe, expect, it } from 'vitest';
// The shared root imports nothing outside itself. This test is the one exception: it checks the
// scorecard file shipped in resources/.
// eslint-disable-next-line boundaries/import-directions -- a test reading the resource it checks
import defaultScorecard from '../../../resources/scorecards/phone-and-case-handling.json';
import type { Answer, Criterion, ScorecardContent } from '../../protocol/coaching';
import { validateAnswers } from './answers';
import { importScorecard, importScorecardText } from './scorecard-format';
import { scoreForm } from './scoring';

/** The file's JSON as it lies on disk, read as outside input. */
const fileContents: unknown = defaultScorecard;

function loadDefault(): ScorecardContent {
  const result = importScorecard(fileContents);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

const criteria = (content: ScorecardContent) => content.sections.flatMap((s) => s.criteria);
const criterion = (content: ScorecardContent, key: string) => criteria(content).find((c) => c.key === key);

/** Full marks on every criterion that applies to `channel`; N/A for the rest. */
function perfectAnswers(content: ScorecardContent, channel: 'phone' | 'email'): Answer[] {
  const best = (c: Criterion): Answer['value'] => {
    if (c.channels.length > 0 && !c.channels.includes(channel)) return null;
    switch (c.kind) {
      case 'yes_no':
        return true;
      case 'scale':
        return c.max;
      case 'choice':
        return c.options.find((o) => o.fraction === 1)?.key ?? null;
      case 'text':
        return 'Calm and thorough.';
    }
  };
  return criteria(content).map((c) => ({ key: c.key, value: best(c) }));
}

describe('the default scorecard "Phone and case handling"', () => {
  it('imports from its file and could be published as it is', () => {
    const result = importScorecardText(JSON.stringify(fileContents));
    expect(result.ok && result.publishProblems).toEqual([]);
    expect(result.ok && result.content.name).toBe('Phone and case handling');
  });

  it('has the sections the quality programme teaches', () => {
    expect(loadDefault().sections.map((s) => s.key)).toEqual([
      'opening',
      'information_gathering',
      'hold_transfer',
      'issue_handling',
      'communication',
      'challenging_customers',
      'confidence_credibility',
      'follow_up_close',
      'case_notes',
      'extra_mile',
      'coach_summary',
    ]);
  });

  it('makes identity verification critical for the whole form, never N/A', () => {
    const identity = criterion(loadDefault(), 'identity_verified');
    expect(identity).toMatchObject({ kind: 'yes_no', naAllowed: false, critical: { effect: 'form' } });
  });

  it('allows N/A on hold and transfer and on challenging customers', () => {
    const content = loadDefault();
    for (const key of ['hold_etiquette', 'transfer_handling', 'de_escalation']) {
      expect(criterion(content, key)?.naAllowed).toBe(true);
    }
  });

  it('anchors listening, empathy and clarity on every point from 1 to 5', () => {
    const content = loadDefault();
    for (const key of ['active_listening', 'empathy', 'clarity']) {
      const scale = criterion(content, key);
      expect(scale).toMatchObject({ kind: 'scale', min: 1, max: 5 });
      expect(scale?.kind === 'scale' && scale.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('scores a perfect call and a perfect email alike, each leaving out the other channel', () => {
    const content = loadDefault();
    for (const channel of ['phone', 'email'] as const) {
      const answers = perfectAnswers(content, channel);
      expect(validateAnswers(content, answers, { channel, complete: true })).toEqual([]);
      expect(scoreForm(content, answers, { channel })).toMatchObject({ raw: 105, final: 105, max: 105 });
    }
    const callOnEmail = perfectAnswers(content, 'phone');
    expect(validateAnswers(content, callOnEmail, { channel: 'email' }).map((e) => [e.key, e.code])).toEqual([
      ['hold_etiquette', 'not_for_channel'],
      ['voice_tone_pace', 'not_for_channel'],
      ['written_quality', 'na_not_allowed'],
    ]);
  });

  it('gives a call without identity verification a final 0 and keeps its raw score', () => {
    const content = loadDefault();
    const answers = perfectAnswers(content, 'phone').map((a) =>
      a.key === 'identity_verified'
        ? { ...a, value: false, comment: 'Account changed before the PIN check' }
        : a,
    );
    const score = scoreForm(content, answers, { channel: 'phone' });
    expect(score.final).toBe(0);
    expect(score.raw).toBeCloseTo(99, 6);
  });
});
