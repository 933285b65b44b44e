/**
 * Calendar periods (day, ISO week from Monday, month) on the wall clock of a time zone, as UTC
 * milliseconds: what "this week" means for a sampling plan or a trend chart. An unknown zone
 * reads as UTC, like business hours do.
 */

export const CALENDAR_PERIODS = ['day', 'week', 'month'] as const;
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

export interface PeriodRange {
  /** First instant of the period (local midnight), UTC ms. */
  start: number;
  /** First instant of the next period, UTC ms (exclusive). */
  end: number;
  /** The local date the period starts on, `YYYY-MM-DD`. */
  label: string;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `at` in the zone. */
function wallClock(timeZone: string, at: number): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

/** Local time minus UTC at `at`, in ms. */
function offsetAt(timeZone: string, at: number): number {
  const f = wallClock(timeZone, at);
  const asUtc = Date.UTC(
    f.year ?? 1970,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    (f.hour ?? 0) % 24,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

function localDateOf(timeZone: string, at: number): LocalDate {
  const f = wallClock(timeZone, at);
  return { year: f.year ?? 1970, month: f.month ?? 1, day: f.day ?? 1 };
}

/** A local date moved by whole days or months (Date.UTC normalises overflow). */
function shift(date: LocalDate, days: number, months = 0): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1 + months, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The UTC instant of local midnight starting `date` (the first instant of that day where DST skips midnight). */
export function localMidnight(timeZone: string, date: LocalDate): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let at = guess - offsetAt(timeZone, guess);
  // A second pass settles dates whose offset differs from the guess's (DST changes).
  at = guess - offsetAt(timeZone, at);
  if (localDateOf(timeZone, at).day !== date.day) at += 3_600_000;
  return at;
}

function label(date: LocalDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

function firstDay(period: CalendarPeriod, date: LocalDate): LocalDate {
  if (period === 'day') return date;
  if (period === 'month') return { ...date, day: 1 };
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return shift(date, -((weekday + 6) % 7));
}

function nextFirstDay(period: CalendarPeriod, first: LocalDate): LocalDate {
  if (period === 'day') return shift(first, 1);
  if (period === 'week') return shift(first, 7);
  return shift(first, 0, 1);
}

/** The period of `at` on the zone's calendar. */
export function periodContaining(period: CalendarPeriod, timeZone: string, at: number): PeriodRange {
  const first = firstDay(period, localDateOf(timeZone, at));
  return {
    start: localMidnight(timeZone, first),
    end: localMidnight(timeZone, nextFirstDay(period, first)),
    label: label(first),
  };
}

/** The last whole period before the one containing `at` (what a sampling draw samples). */
export function previousPeriod(period: CalendarPeriod, timeZone: string, at: number): PeriodRange {
  const current = periodContaining(period, timeZone, at);
  return periodContaining(period, timeZone, current.start - 1);
}

/**
 * The same local time of day `days` local days later (DST-safe: a day across a clock change is
 * 23 or 25 hours long). A due date of "7 days after the period ends" is local midnight again.
 */
export function addLocalDays(timeZone: string, at: number, days: number): number {
  const date = localDateOf(timeZone, at);
  const sinceMidnight = at - localMidnight(timeZone, date);
  return localMidnight(timeZone, shift(date, days)) + sinceMidnight;
}
