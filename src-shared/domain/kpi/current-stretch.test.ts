import { describe, expect, it } from 'vitest';
import { emptyCounts } from './aggregate';
import { withCurrentStretch } from './current-stretch';
import { kpiMeasures } from './measures';
import { DEFAULT_MEASURE_SETTINGS } from './settings';

const MIN = 60_000;
const DAY_START = Date.parse('2026-12-05T00:00:00Z');
const NOW = Date.parse('2026-12-05T10:00:00Z');
const occupancy = (counts: ReturnType<typeof emptyCounts>) =>
  kpiMeasures(counts, DEFAULT_MEASURE_SETTINGS).occupancyPercent.value;

describe("today's occupancy with the state the agent is in now", () => {
  it('adds the current stretch to what the projection folded', () => {
    const folded = { ...emptyCounts(), availableMs: 30 * MIN, signedInMs: 30 * MIN };
    const counts = withCurrentStretch(
      folded,
      { state: 'busy', stateSince: '2026-12-05T09:30:00Z' },
      DAY_START,
      NOW,
    );
    expect(counts.busyMs).toBe(30 * MIN);
    expect(occupancy(counts)).toBe(50);
  });

  it('counts a stretch begun yesterday from the start of today only', () => {
    const counts = withCurrentStretch(
      undefined,
      { state: 'available', stateSince: '2026-12-04T22:00:00Z' },
      DAY_START,
      NOW,
    );
    expect(counts.availableMs).toBe(600 * MIN);
    expect(occupancy(counts)).toBe(0);
  });

  it('adds nothing for an agent signed out, and has no occupancy without time', () => {
    const counts = withCurrentStretch(
      undefined,
      { state: 'offline', stateSince: '2026-12-05T08:00:00Z' },
      DAY_START,
      NOW,
    );
    expect(counts.signedInMs).toBe(0);
    expect(occupancy(counts)).toBeNull();
  });
});
