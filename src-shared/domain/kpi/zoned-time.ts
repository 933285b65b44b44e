/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only (no date library): what date a moment
 * is on in a zone, and when a zone's local day begins. An unknown zone reads as UTC, as routing's
 * business hours do, so a queue's "today" is the same day for routing and for reports.
 */

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
// Offsets since 1900 are whole quarter hours (Nepal +5:45, Chatham +12:45), so every local day
// starts on the 15-minute UTC grid; a few steps reach it from any first guess.
const MAX_ADJUST_STEPS = 4 * 30;

/** A calendar date: year, month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A moment as a zone's wall clock shows it. */
export interface LocalClock extends CalendarDate {
  hour: number;
  minute: number;
  /** Local time minus UTC, in minutes (changes at DST switches). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
};

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// One formatter per zone: building one costs far more than using it.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
    formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone: zone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `timeZone` at `at` (epoch ms). */
export function localClock(at: number, timeZone: string): LocalClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, minute = 0 } = fields;
  const hour = (fields.hour ?? 0) % 24;
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const minuteStart = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return {
    year,
    month,
    day,
    hour,
    minute,
    offsetMinutes: Math.round((localAsUtc - minuteStart) / MINUTE_MS),
  };
}

/** `YYYY-MM-DD`. */
export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The calendar date of `YYYY-MM-DD`; throws on anything else, naming the text. */
export function parseDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || formatDate(addDays(date, 0)) !== text) throw new RangeError(`Not a date: "${text}"`);
  return date;
}

/** The local date of `at` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(at: number, timeZone: string): string {
  return formatDate(localClock(at, timeZone));
}

/** The date `days` later (or earlier), by the calendar. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: CalendarDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * When the local day `date` begins in `timeZone` (epoch ms): its first moment, which is local
 * midnight, or the first moment after it where midnight falls in a DST gap (e.g. 01:00 in
 * America/Santiago on the spring-forward day).
 */
export function startOfLocalDay(date: CalendarDate, timeZone: string): number {
  const text = formatDate(date);
  const midnightAsUtc = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes of "UTC midnight minus the offset there" land on local midnight or within an hour of it.
  let at = midnightAsUtc - localClock(midnightAsUtc, timeZone).offsetMinutes * MINUTE_MS;
  at = midnightAsUtc - localClock(at, timeZone).offsetMinutes * MINUTE_MS;
  at = Math.floor(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let step = 0; step < MAX_ADJUST_STEPS && localDate(at - QUARTER_HOUR_MS, timeZone) >= text; step++) {
    at -= QUARTER_HOUR_MS;
  }
  for (let step = 0; step < MAX_ADJUST_STEPS && localDate(at, timeZone) < text; step++) {
    at += QUARTER_HOUR_MS;
  }
  return at;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
