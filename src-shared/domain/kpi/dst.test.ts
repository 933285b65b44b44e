import { describe, expect, it } from 'vitest';
import { mergeDeltas, type KpiRow } from './aggregate';
import { contactDeltas } from './contact-deltas';
import { observeContact, type ContactLife } from './contact-life';
import { daySpan, periodKeysIn } from './intervals';
import { presenceDeltas } from './presence';
import { rollUp } from './rollup';
import { DEFAULT_PROJECTION_SETTINGS } from './settings';
import { ContactScript, TEST_CONTEXT } from './testing/contact-script';
import { parseDate } from './zoned-time';

const HOUR_MS = 3_600_000;

/** A call queued at `at`, answered 10 s later, 2 minutes long with 1 minute of wrap-up. */
function callRows(id: string, at: number): KpiRow[] {
  const script = new ContactScript({ id, channel: 'phone', queueId: 'q1', at })
    .offer('a1', at + 5_000)
    .accept(at + 10_000)
    .end(at + 130_000)
    .close(at + 190_000);
  let life: ContactLife | null = null;
  for (const event of script.events) life = observeContact(life, event.contact, event.at, TEST_CONTEXT);
  return life ? [...mergeDeltas(contactDeltas(life, DEFAULT_PROJECTION_SETTINGS)).values()] : [];
}

/** An agent available for the whole local day `date` in `zone`. */
function wholeDayRows(date: string, zone: string): KpiRow[] {
  const { start, end } = daySpan(parseDate(date), zone);
  const span = { agentId: 'a1', teamId: 'team-a', state: 'available' as const, from: start, to: end };
  return [...mergeDeltas(presenceDeltas(span)).values()];
}

describe('daylight-saving days', () => {
  it('Europe/Madrid, 30 March 2025: 23 hours, 92 intervals; calls either side of the jump on the same day', () => {
    const zone = 'Europe/Madrid';
    // 01:50 local (CET) and 03:10 local (CEST) are 20 real minutes apart.
    const rows = [
      ...callRows('c1', Date.parse('2025-03-30T00:50:00Z')),
      ...callRows('c2', Date.parse('2025-03-30T01:10:00Z')),
    ];
    const byInterval = rollUp(rows, 'interval', () => zone, []).filter((line) => line.counts.offered > 0);
    expect(byInterval.map((line) => line.period)).toEqual([
      '2025-03-30T01:45+01:00',
      '2025-03-30T03:00+02:00',
    ]);
    const [day] = rollUp([...rows, ...wholeDayRows('2025-03-30', zone)], 'day', () => zone, []);
    expect(day?.period).toBe('2025-03-30');
    expect(day?.counts.offered).toBe(2);
    expect(day?.counts.signedInMs).toBe(23 * HOUR_MS);
    expect(periodKeysIn(daySpan(parseDate('2025-03-30'), zone), zone, 'interval')).toHaveLength(92);
  });

  it('Europe/Madrid, 26 October 2025: 25 hours of sign-in on one day, 100 intervals', () => {
    const zone = 'Europe/Madrid';
    const days = rollUp(wholeDayRows('2025-10-26', zone), 'day', () => zone, []);
    expect(days.map((d) => [d.period, d.counts.availableMs / HOUR_MS])).toEqual([['2025-10-26', 25]]);
    expect(periodKeysIn(daySpan(parseDate('2025-10-26'), zone), zone, 'interval')).toHaveLength(100);
  });

  it('America/New_York, 2 November 2025: the repeated 01:00 hour gives two intervals of each name, one day', () => {
    const zone = 'America/New_York';
    // 01:10 EDT, then 01:10 EST an hour later.
    const rows = [
      ...callRows('c1', Date.parse('2025-11-02T05:10:00Z')),
      ...callRows('c2', Date.parse('2025-11-02T06:10:00Z')),
    ];
    const byInterval = rollUp(rows, 'interval', () => zone, []).filter((line) => line.counts.offered > 0);
    expect(byInterval.map((line) => [line.period, line.counts.offered])).toEqual([
      ['2025-11-02T01:00-04:00', 1],
      ['2025-11-02T01:00-05:00', 1],
    ]);
    const days = rollUp([...rows, ...wholeDayRows('2025-11-02', zone)], 'day', () => zone, []);
    expect(days.map((d) => [d.period, d.counts.offered, d.counts.signedInMs / HOUR_MS])).toEqual([
      ['2025-11-02', 2, 25],
    ]);
  });

  it('America/New_York, 9 March 2025: 23 hours; the same UTC rows make different days in another zone', () => {
    const rows = wholeDayRows('2025-03-09', 'America/New_York');
    expect(
      rollUp(rows, 'day', () => 'America/New_York', []).map((d) => [d.period, d.counts.signedInMs / HOUR_MS]),
    ).toEqual([['2025-03-09', 23]]);
    // Read in Madrid's zone, the same 23 hours straddle two Madrid days (06:00 on the 9th to 05:00 on the 10th).
    expect(
      rollUp(rows, 'day', () => 'Europe/Madrid', []).map((d) => [d.period, d.counts.signedInMs / HOUR_MS]),
    ).toEqual([
      ['2025-03-09', 18],
      ['2025-03-10', 5],
    ]);
  });
});
