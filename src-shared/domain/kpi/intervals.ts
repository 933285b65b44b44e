import {
  addDays,
  formatDate,
  isoWeekday,
  localClock,
  parseDate,
  startOfLocalDay,
  type CalendarDate,
} from './zoned-time';

/**
 * The periods reports group by. Measures are kept per 15-minute interval, a UTC span; a day, an
 * ISO week (Monday first) and a month are spans of the queue's own time zone, so a DST day has
 * 23 or 25 hours (92 or 100 intervals) and every interval lies inside one local day.
 */
export const GRANULARITIES = ['interval', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const INTERVAL_MS = 15 * 60_000;

/** A half-open span of time `[start, end)` in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** The start of the 15-minute interval holding `at` (epoch ms, UTC grid). */
export function intervalStart(at: number): number {
  return Math.floor(at / INTERVAL_MS) * INTERVAL_MS;
}

/**
 * The key of the period holding `at` in `timeZone`:
 * - interval: local start with its offset, `2025-03-30T03:15+02:00` (unambiguous in a repeated hour);
 * - day: `2025-03-30`; week: ISO week `2025-W13`; month: `2025-03`.
 */
export function periodKey(at: number, timeZone: string, granularity: Granularity): string {
  if (granularity === 'interval') return intervalKey(intervalStart(at), timeZone);
  const local = localClock(at, timeZone);
  switch (granularity) {
    case 'day':
      return formatDate(local);
    case 'week': {
      const { weekYear, week } = isoWeek(local);
      return `${weekYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return formatDate(local).slice(0, 7);
  }
}

/** The span of the period named by `key` (as `periodKey` makes it); throws on a malformed key. */
export function periodBounds(key: string, timeZone: string, granularity: Granularity): Span {
  switch (granularity) {
    case 'interval': {
      const start = Date.parse(key);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(key) || start % INTERVAL_MS !== 0) {
        throw new RangeError(`Not an interval key: "${key}"`);
      }
      return { start, end: start + INTERVAL_MS };
    }
    case 'day':
      return daySpan(parseDate(key), timeZone);
    case 'week': {
      const monday = mondayOfIsoWeek(key);
      return { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(addDays(monday, 7), timeZone) };
    }
    case 'month': {
      const first = parseDate(`${key}-01`);
      const next =
        first.month === 12
          ? { year: first.year + 1, month: 1, day: 1 }
          : { ...first, month: first.month + 1 };
      return { start: startOfLocalDay(first, timeZone), end: startOfLocalDay(next, timeZone) };
    }
  }
}

/** The local day `date` in `timeZone`: 24 hours, or 23 / 25 on a DST day. */
export function daySpan(date: CalendarDate, timeZone: string): Span {
  return { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone) };
}

/** The keys of every period that overlaps `[span.start, span.end)`, in order (empty periods too). */
export function periodKeysIn(span: Span, timeZone: string, granularity: Granularity): string[] {
  const keys: string[] = [];
  let at = span.start;
  while (at < span.end) {
    const key = periodKey(at, timeZone, granularity);
    keys.push(key);
    at = periodBounds(key, timeZone, granularity).end;
  }
  return keys;
}

/** How many milliseconds of `[from, to)` fall in each 15-minute interval, in order. */
export function splitByInterval(from: number, to: number): { interval: number; ms: number }[] {
  const parts: { interval: number; ms: number }[] = [];
  for (let start = intervalStart(from); start < to; start += INTERVAL_MS) {
    const ms = Math.min(to, start + INTERVAL_MS) - Math.max(from, start);
    if (ms > 0) parts.push({ interval: start, ms });
  }
  return parts;
}

function intervalKey(start: number, timeZone: string): string {
  const local = localClock(start, timeZone);
  const sign = local.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(local.offsetMinutes);
  const time = `${pad(local.hour)}:${pad(local.minute)}`;
  return `${formatDate(local)}T${time}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: CalendarDate): { weekYear: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round(
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / 86_400_000,
  );
  return { weekYear: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

function mondayOfIsoWeek(key: string): CalendarDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  const weekYear = Number(match?.[1]);
  const week = Number(match?.[2]);
  // January 4th is always in week 1.
  const january4 = { year: weekYear, month: 1, day: 4 };
  const monday = addDays(january4, 1 - isoWeekday(january4) + (week - 1) * 7);
  if (!match || week < 1 || isoWeek(monday).week !== week) throw new RangeError(`Not an ISO week: "${key}"`);
  return monday;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
