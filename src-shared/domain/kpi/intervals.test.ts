import { describe, expect, it } from 'vitest';
import {
  INTERVAL_MS,
  daySpan,
  intervalStart,
  isoWeek,
  periodBounds,
  periodKey,
  periodKeysIn,
  splitByInterval,
} from './intervals';
import { localDate, parseDate, startOfLocalDay } from './zoned-time';

const HOUR_MS = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('15-minute intervals', () => {
  it('are UTC spans: an instant belongs to the quarter hour it falls in', () => {
    expect(intervalStart(at('2025-03-30T00:59:59.999Z'))).toBe(at('2025-03-30T00:45:00Z'));
    expect(intervalStart(at('2025-03-30T01:00:00Z'))).toBe(at('2025-03-30T01:00:00Z'));
  });

  it('are named by their local start with the offset, so the repeated autumn hour has two of each', () => {
    // America/New_York, 2025-11-02: 01:00–02:00 happens twice (EDT, then EST).
    const first = periodKey(at('2025-11-02T05:10:00Z'), 'America/New_York', 'interval');
    const second = periodKey(at('2025-11-02T06:10:00Z'), 'America/New_York', 'interval');
    expect(first).toBe('2025-11-02T01:00-04:00');
    expect(second).toBe('2025-11-02T01:00-05:00');
    expect(periodBounds(second, 'America/New_York', 'interval')).toEqual({
      start: at('2025-11-02T06:00:00Z'),
      end: at('2025-11-02T06:15:00Z'),
    });
  });

  it('split a span into the milliseconds spent in each interval', () => {
    expect(splitByInterval(at('2025-01-01T10:07:00Z'), at('2025-01-01T10:40:00Z'))).toEqual([
      { interval: at('2025-01-01T10:00:00Z'), ms: 8 * 60_000 },
      { interval: at('2025-01-01T10:15:00Z'), ms: 15 * 60_000 },
      { interval: at('2025-01-01T10:30:00Z'), ms: 10 * 60_000 },
    ]);
    expect(splitByInterval(at('2025-01-01T10:00:00Z'), at('2025-01-01T10:00:00Z'))).toEqual([]);
  });
});

describe('days in the queue’s time zone', () => {
  it('Europe/Madrid: the spring-forward day has 23 hours (92 intervals), the autumn one 25 (100)', () => {
    const spring = daySpan(parseDate('2025-03-30'), 'Europe/Madrid');
    expect(spring).toEqual({ start: at('2025-03-29T23:00:00Z'), end: at('2025-03-30T22:00:00Z') });
    expect((spring.end - spring.start) / INTERVAL_MS).toBe(92);
    const autumn = daySpan(parseDate('2025-10-26'), 'Europe/Madrid');
    expect(autumn).toEqual({ start: at('2025-10-25T22:00:00Z'), end: at('2025-10-26T23:00:00Z') });
    expect((autumn.end - autumn.start) / HOUR_MS).toBe(25);
    const ordinary = daySpan(parseDate('2025-06-15'), 'Europe/Madrid');
    expect((ordinary.end - ordinary.start) / HOUR_MS).toBe(24);
  });

  it('America/New_York: 2025-03-09 has 23 hours, 2025-11-02 has 25', () => {
    const spring = daySpan(parseDate('2025-03-09'), 'America/New_York');
    expect(spring).toEqual({ start: at('2025-03-09T05:00:00Z'), end: at('2025-03-10T04:00:00Z') });
    const autumn = daySpan(parseDate('2025-11-02'), 'America/New_York');
    expect(autumn).toEqual({ start: at('2025-11-02T04:00:00Z'), end: at('2025-11-03T05:00:00Z') });
  });

  it('puts a moment in the local day, not the UTC one', () => {
    // 23:30 UTC on the 29th is 00:30 on the 30th in Madrid, 19:30 on the 29th in New York.
    expect(periodKey(at('2025-03-29T23:30:00Z'), 'Europe/Madrid', 'day')).toBe('2025-03-30');
    expect(periodKey(at('2025-03-29T23:30:00Z'), 'America/New_York', 'day')).toBe('2025-03-29');
  });

  it('starts a day whose midnight falls in a DST gap at its first real moment', () => {
    // America/Santiago springs forward at 24:00 → 01:00: 2024-09-08 begins at 01:00 local (-03:00).
    expect(startOfLocalDay(parseDate('2024-09-08'), 'America/Santiago')).toBe(at('2024-09-08T04:00:00Z'));
    expect(localDate(at('2024-09-08T03:59:59Z'), 'America/Santiago')).toBe('2024-09-07');
  });

  it('reads an unknown zone as UTC, like routing’s business hours', () => {
    expect(daySpan(parseDate('2025-03-30'), 'Not/A_Zone')).toEqual({
      start: at('2025-03-30T00:00:00Z'),
      end: at('2025-03-31T00:00:00Z'),
    });
  });
});

describe('weeks and months', () => {
  it('names ISO weeks: Monday first, week 1 holds the first Thursday', () => {
    expect(isoWeek(parseDate('2024-12-30'))).toEqual({ weekYear: 2025, week: 1 });
    expect(isoWeek(parseDate('2021-01-03'))).toEqual({ weekYear: 2020, week: 53 });
    expect(periodKey(at('2025-03-30T12:00:00Z'), 'Europe/Madrid', 'week')).toBe('2025-W13');
  });

  it('bounds a week at local Monday midnights: the week of the Madrid switch lasts 167 hours', () => {
    const week = periodBounds('2025-W13', 'Europe/Madrid', 'week');
    expect(week).toEqual({ start: at('2025-03-23T23:00:00Z'), end: at('2025-03-30T22:00:00Z') });
    expect((week.end - week.start) / HOUR_MS).toBe(7 * 24 - 1);
  });

  it('bounds a month at local first-of-month midnights', () => {
    expect(periodKey(at('2025-10-31T23:30:00Z'), 'Europe/Madrid', 'month')).toBe('2025-11');
    expect(periodBounds('2025-03', 'America/New_York', 'month')).toEqual({
      start: at('2025-03-01T05:00:00Z'),
      end: at('2025-04-01T04:00:00Z'),
    });
    expect(periodBounds('2025-12', 'UTC', 'month').end).toBe(at('2026-01-01T00:00:00Z'));
  });

  it('lists every period of a range, empty ones too', () => {
    const range = { start: at('2025-03-29T00:00:00Z'), end: at('2025-04-01T00:00:00Z') };
    expect(periodKeysIn(range, 'Europe/Madrid', 'day')).toEqual([
      '2025-03-29',
      '2025-03-30',
      '2025-03-31',
      '2025-04-01',
    ]);
  });

  it('refuses malformed keys, naming them', () => {
    expect(() => periodBounds('2025-02-30', 'UTC', 'day')).toThrow('"2025-02-30"');
    expect(() => periodBounds('2025-W54', 'UTC', 'week')).toThrow('ISO week');
    expect(() => periodBounds('2025-03-30T03:07+02:00', 'UTC', 'interval')).toThrow('interval');
  });
});
