import { describe, expect, it } from 'vitest';
import { occupancy } from '../../../src-shared/domain/supervision/board';
import { dayOf, observeState } from './agent-timeline';

const T = (minutes: number) => Date.parse('2026-12-05T09:00:00Z') + minutes * 60_000;

describe('agent timeline', () => {
  it('opens a stretch on each change of state or reason and closes the one before', () => {
    let line = observeState([], { state: 'available', reasonCode: null, stateSince: T(0) });
    const same = observeState(line, { state: 'available', reasonCode: null, stateSince: T(0) });
    expect(same).toBe(line);
    line = observeState(line, { state: 'busy', reasonCode: null, stateSince: T(10) });
    line = observeState(line, { state: 'away', reasonCode: 'lunch', stateSince: T(40) });
    line = observeState(line, { state: 'away', reasonCode: 'break', stateSince: T(50) });
    expect(line).toEqual([
      { state: 'available', reasonCode: null, from: T(0), to: T(10) },
      { state: 'busy', reasonCode: null, from: T(10), to: T(40) },
      { state: 'away', reasonCode: 'lunch', from: T(40), to: T(50) },
      { state: 'away', reasonCode: 'break', from: T(50), to: null },
    ]);
  });

  it('feeds the shared occupancy: time on work over time present, Away left out', () => {
    let line = observeState([], { state: 'available', reasonCode: null, stateSince: T(0) });
    line = observeState(line, { state: 'busy', reasonCode: null, stateSince: T(10) });
    line = observeState(line, { state: 'away', reasonCode: 'lunch', stateSince: T(40) });
    const day = dayOf(line, T(0));
    expect(day.durations).toEqual({ available: 10 * 60_000, busy: 30 * 60_000 });
    expect(occupancy(day, { state: 'away', stateSince: T(40) }, T(60))).toBe(0.75);
  });
});
