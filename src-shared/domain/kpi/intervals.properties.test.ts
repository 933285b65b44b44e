import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES, INTERVAL_MS, intervalStart, periodBounds, periodKey } from './intervals';
import { localClock, localDate } from './zoned-time';
import { arbZonedMoment, offsetChanges } from './testing/zone-arbitraries';

const HOUR_MS = 3_600_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (24 * HOUR_MS);
const arbGranularity = fc.constantFrom(...GRANULARITIES);

describe('periods (property)', () => {
  it('a day after one the zone skipped is still 24 hours long (Apia, 31 Dec 2011)', () => {
    const at = Date.UTC(2011, 11, 30, 10); // 31 Dec 00:00 in Apia, the day after the skipped one
    const { start, end } = periodBounds(periodKey(at, 'Pacific/Apia', 'day'), 'Pacific/Apia', 'day');
    expect([localDate(start, 'Pacific/Apia'), end - start]).toEqual(['2011-12-31', 24 * HOUR_MS]);
  });

  it('the test zones do change offset (the DST moments below are real)', () => {
    expect(offsetChanges('Europe/Madrid').length).toBeGreaterThan(80);
    expect(offsetChanges('Australia/Lord_Howe').length).toBeGreaterThan(80);
    expect(offsetChanges('Asia/Kolkata')).toEqual([]);
  });

  it('a period holds the moment it was named for, and its key names it back', () => {
    fc.assert(
      fc.property(arbZonedMoment, arbGranularity, ({ at, zone }, granularity) => {
        const key = periodKey(at, zone, granularity);
        const { start, end } = periodBounds(key, zone, granularity);
        expect(start).toBeLessThanOrEqual(at);
        expect(at).toBeLessThan(end);
        expect(periodKey(start, zone, granularity)).toBe(key);
        expect(periodKey(end - 1, zone, granularity)).toBe(key);
        expect(periodKey(end, zone, granularity)).not.toBe(key);
      }),
      { numRuns: 400 },
    );
  });

  it('periods are made of whole intervals: every interval lies inside one local day', () => {
    fc.assert(
      fc.property(arbZonedMoment, arbGranularity, ({ at, zone }, granularity) => {
        const { start, end } = periodBounds(periodKey(at, zone, granularity), zone, granularity);
        expect(start % INTERVAL_MS).toBe(0);
        expect(end % INTERVAL_MS).toBe(0);
        const interval = intervalStart(at);
        expect(localDate(interval, zone)).toBe(localDate(interval + INTERVAL_MS - 1, zone));
      }),
      { numRuns: 400 },
    );
  });

  it('a local day lasts 24 hours less the change of UTC offset across it (23 or 25 on DST days)', () => {
    fc.assert(
      fc.property(arbZonedMoment, ({ at, zone }) => {
        const { start, end } = periodBounds(periodKey(at, zone, 'day'), zone, 'day');
        // Offsets just inside the day's two ends (a day may begin at the very moment of a switch).
        const offsetChange =
          localClock(end - 1, zone).offsetMinutes - localClock(start - 1, zone).offsetMinutes;
        // Days the zone skipped before this one (Apia jumped the date line: 30 Dec 2011 never was).
        const skippedDays = daysBetween(localDate(start - 1, zone), localDate(start, zone)) - 1;
        expect(end - start).toBe(24 * HOUR_MS * (1 + skippedDays) - offsetChange * 60_000);
        const local = localClock(start, zone);
        // It starts at local midnight, or at the first moment after a midnight that did not exist.
        if (local.hour !== 0 || local.minute !== 0) {
          expect(localClock(start - 1, zone).offsetMinutes).not.toBe(local.offsetMinutes);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('days, weeks and months follow each other without gap or overlap', () => {
    fc.assert(
      fc.property(
        arbZonedMoment,
        fc.constantFrom('day', 'week', 'month' as const),
        ({ at, zone }, granularity) => {
          const key = periodKey(at, zone, granularity);
          const { end } = periodBounds(key, zone, granularity);
          const next = periodBounds(periodKey(end, zone, granularity), zone, granularity);
          expect(next.start).toBe(end);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a week starts on a local Monday, a month on the local 1st', () => {
    fc.assert(
      fc.property(arbZonedMoment, ({ at, zone }) => {
        const week = periodBounds(periodKey(at, zone, 'week'), zone, 'week');
        const monday = new Date(`${localDate(week.start, zone)}T00:00:00Z`).getUTCDay();
        expect(monday).toBe(1);
        const month = periodBounds(periodKey(at, zone, 'month'), zone, 'month');
        expect(localDate(month.start, zone).endsWith('-01')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
