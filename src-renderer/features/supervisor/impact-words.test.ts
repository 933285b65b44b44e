import { describe, expect, it } from 'vitest';
import { impactSentences, shortDuration } from './impact-words';

const none = {
  considered: 5,
  slipped: 0,
  totalSlipS: 0,
  maxSlipS: 0,
  noLongerReached: 0,
  gained: 0,
  totalGainS: 0,
  newBreaches: 0,
  breachesAvoided: 0,
};

describe('impact words', () => {
  it('says nobody waits longer when nothing slips', () => {
    expect(impactSentences(none, shortDuration)).toEqual([{ key: 'impact.none', values: {} }]);
  });

  it('leads with the slip, then new breaches, then who is no longer reached', () => {
    const lines = impactSentences(
      { ...none, slipped: 3, totalSlipS: 240, maxSlipS: 120, newBreaches: 1, noLongerReached: 1 },
      shortDuration,
    );
    expect(lines.map((l) => l.key)).toEqual([
      'impact.slipped',
      'impact.newBreaches',
      'impact.noLongerReached',
    ]);
    expect(lines[0]?.values).toEqual({ count: 3, total: '4 min', max: '2 min' });
  });

  it('words durations shortly', () => {
    expect([45, 240, 3600, 3900].map(shortDuration)).toEqual(['45 s', '4 min', '1 h', '1 h 5 min']);
  });
});
