import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../protocol/entities';
import { deltaChange, sumCounts } from './aggregate';
import { backlogAging, daysPending, observeCaseClock, type CaseClock } from './backlog';
import { caseDeltas, csatDeltas, qaDeltas, type CaseHistory, type FactOwner } from './case-facts';
import { DEFAULT_BACKLOG_SETTINGS, DEFAULT_PROJECTION_SETTINGS } from './settings';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-03T09:00:00Z');
const owner: FactOwner = { queueId: 'q1', channel: 'email', agentId: 'a1', teamId: 'team-a' };

describe('first-contact resolution facts', () => {
  const resolvedOnce = (contactsAt: number[]): CaseHistory => ({
    caseId: 'k1',
    contactsAt,
    resolutions: [{ at: T0 + DAY, owner }],
  });

  it('one contact, resolved, nothing within 7 days: resolved at first contact', () => {
    const counts = sumCounts(
      caseDeltas(resolvedOnce([T0, T0 + 9 * DAY]), DEFAULT_PROJECTION_SETTINGS).map((d) => d.counts),
    );
    expect(counts).toMatchObject({ resolved: 1, resolvedWithRepeat: 0 });
  });

  it('a repeat contact within 7 days, or a second contact before resolving, is not', () => {
    for (const contactsAt of [
      [T0, T0 + 8 * DAY],
      [T0, T0 + 3600_000],
    ]) {
      const counts = sumCounts(
        caseDeltas(resolvedOnce(contactsAt), DEFAULT_PROJECTION_SETTINGS).map((d) => d.counts),
      );
      expect(counts).toMatchObject({ resolved: 1, resolvedWithRepeat: 1 });
    }
  });

  it('a late repeat adds to the interval of the resolution, never subtracting', () => {
    const before = caseDeltas(resolvedOnce([T0]), DEFAULT_PROJECTION_SETTINGS);
    const after = caseDeltas(resolvedOnce([T0, T0 + 5 * DAY]), DEFAULT_PROJECTION_SETTINGS);
    const change = deltaChange(before, after);
    expect(change).toHaveLength(1);
    expect(change[0]?.key.interval).toBe(T0 + DAY);
    expect(change[0]?.counts.resolvedWithRepeat).toBe(1);
    expect(change[0]?.counts.resolved).toBe(0);
  });
});

describe('survey and evaluation facts', () => {
  it('counts a CSAT answer by its rating, in the interval it arrived', () => {
    const [delta] = csatDeltas({ at: T0 + 7 * 60_000, rating: 4, owner });
    expect(delta).toEqual({ key: { interval: T0, ...owner }, counts: { csatRated4: 1 } });
  });

  it('keeps QA scores in hundredths of a point, so sums are exact', () => {
    const total = sumCounts(
      [87.5, 92.25, 100]
        .flatMap((scorePercent) => qaDeltas({ at: T0, scorePercent, owner }))
        .map((d) => d.counts),
    );
    expect(total).toMatchObject({ qaEvaluations: 3, qaScoreCentiSum: 27_975 });
  });
});

describe('backlog aging', () => {
  function clockOf(changes: [CaseStatus, number][]): CaseClock {
    let clock: CaseClock | null = null;
    for (const [status, at] of changes)
      clock = observeCaseClock(clock, { caseId: 'k', createdAt: T0, status }, at);
    if (!clock) throw new Error('no changes');
    return clock;
  }

  it('leaves time pending on the customer out of days pending, when the setting says so', () => {
    const clock = clockOf([
      ['new', T0],
      ['open', T0 + DAY],
      ['pending_customer', T0 + 2 * DAY],
      ['open', T0 + 5 * DAY],
      ['pending_customer', T0 + 8 * DAY],
    ]);
    const now = T0 + 10 * DAY;
    expect(daysPending(clock, now, DEFAULT_BACKLOG_SETTINGS)).toBe(5);
    expect(daysPending(clock, now, { ...DEFAULT_BACKLOG_SETTINGS, excludePendingCustomer: false })).toBe(10);
  });

  it('groups open cases into buckets, skipping resolved and closed ones', () => {
    const now = T0 + 40 * DAY;
    const opened = (days: number, status: CaseStatus = 'open'): CaseClock => ({
      caseId: `k${days}`,
      createdAt: now - days * DAY,
      status,
      pendingCustomerMs: 0,
      pendingCustomerSince: null,
    });
    const aging = backlogAging(
      [
        opened(0.5),
        opened(2),
        opened(2.5),
        opened(10),
        opened(31),
        opened(3, 'resolved'),
        opened(4, 'closed'),
      ],
      now,
      DEFAULT_BACKLOG_SETTINGS,
    );
    expect(aging.buckets.map((b) => [b.fromDays, b.toDays, b.count])).toEqual([
      [0, 1, 1],
      [1, 3, 2],
      [3, 7, 0],
      [7, 14, 1],
      [14, 30, 0],
      [30, null, 1],
    ]);
    expect(aging).toMatchObject({ n: 5, oldestDays: 31, averageDays: 46 / 5 });
  });
});
