import { describe, expect, it } from 'vitest';
import { addLocalDays, periodContaining, previousPeriod } from './calendar';

const iso = (at: number) => new Date(at).toISOString();

describe('calendar periods in a time zone', () => {
  it('a day runs from local midnight to local midnight', () => {
    const day = periodContaining('day', 'Europe/Madrid', Date.parse('2026-03-10T23:30:00Z'));
    expect(day.label).toBe('2026-03-11');
    expect(iso(day.start)).toBe('2026-03-10T23:00:00.000Z');
    expect(iso(day.end)).toBe('2026-03-11T23:00:00.000Z');
  });

  it('a week starts on Monday', () => {
    // Sunday 15 March 2026, evening in New York
    const week = periodContaining('week', 'America/New_York', Date.parse('2026-03-16T01:00:00Z'));
    expect(week.label).toBe('2026-03-09');
    expect(iso(week.start)).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(week.end)).toBe('2026-03-16T04:00:00.000Z');
  });

  it('follows a daylight-saving change: the spring week is an hour short', () => {
    // Madrid moves its clocks forward on Sunday 29 March 2026.
    const week = periodContaining('week', 'Europe/Madrid', Date.parse('2026-03-25T12:00:00Z'));
    expect(week.label).toBe('2026-03-23');
    expect(iso(week.start)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(week.end)).toBe('2026-03-29T22:00:00.000Z');
    expect(week.end - week.start).toBe(7 * 86_400_000 - 3_600_000);
    const before = previousPeriod('week', 'Europe/Madrid', Date.parse('2026-03-25T12:00:00Z'));
    expect(before.end).toBe(week.start);
    expect(before.end - before.start).toBe(7 * 86_400_000);
  });

  it('finds the first instant of a day whose midnight does not exist', () => {
    // São Paulo skipped from 00:00 to 01:00 on 4 November 2018.
    const day = periodContaining('day', 'America/Sao_Paulo', Date.parse('2018-11-04T15:00:00Z'));
    expect(day.label).toBe('2018-11-04');
    expect(iso(day.start)).toBe('2018-11-04T03:00:00.000Z');
  });

  it('a month starts on its first day; the previous period is the last whole one', () => {
    const at = Date.parse('2026-03-01T00:30:00+01:00');
    expect(periodContaining('month', 'Europe/Madrid', at).label).toBe('2026-03-01');
    const previous = previousPeriod('month', 'Europe/Madrid', at);
    expect(previous.label).toBe('2026-02-01');
    expect(iso(previous.end)).toBe('2026-02-28T23:00:00.000Z');
  });

  it('reads an unknown zone as UTC', () => {
    expect(iso(periodContaining('day', 'Mars/Olympus', Date.parse('2026-03-10T12:00:00Z')).start)).toBe(
      '2026-03-10T00:00:00.000Z',
    );
  });

  it('adds local days across a daylight-saving change', () => {
    const midnight = Date.parse('2026-03-28T23:00:00Z'); // 29 March 00:00 in Madrid, before the change
    expect(iso(addLocalDays('Europe/Madrid', midnight, 2))).toBe('2026-03-30T22:00:00.000Z');
  });
});
