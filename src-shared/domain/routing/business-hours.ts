import type { BusinessHours } from '../../protocol/routing-config';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const SEARCH_DAYS = 14;

/** A moment as the wall clock of a time zone shows it. */
interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minute: number;
  /** Local time minus UTC, in minutes (changes at DST switches). */
  offsetMinutes: number;
}

// One formatter per zone: building one is far slower than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone });
    } catch {
      // An unknown zone must not stop routing: it reads as UTC.
      formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localTime(timeZone: string, at: number): LocalTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, minute = 0 } = fields;
  const hour = (fields.hour ?? 0) % 24;
  const localMidnightUtc = Date.UTC(year, month - 1, day);
  const minuteStart = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const localMinuteStart = localMidnightUtc + (hour * 60 + minute) * MINUTE_MS;
  return {
    date: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    weekday: new Date(localMidnightUtc).getUTCDay(),
    minute: hour * 60 + minute,
    offsetMinutes: Math.round((localMinuteStart - minuteStart) / MINUTE_MS),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `HH:MM` (including `24:00`) as minutes since midnight. */
function clockMinutes(clock: string): number {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function isOpenLocal(hours: BusinessHours, local: LocalTime): boolean {
  if (hours.holidays.includes(local.date)) return false;
  if (hours.weekly.length === 0) return true;
  return hours.weekly.some(
    (interval) =>
      interval.day === local.weekday &&
      clockMinutes(interval.open) <= local.minute &&
      local.minute < clockMinutes(interval.close),
  );
}

/**
 * Whether the queue is open at `at`, judged on the wall clock of its time zone (an invalid zone
 * reads as UTC). No weekly intervals means open around the clock; a holiday closes the whole
 * local day, also for an around-the-clock queue; an interval includes its open minute, not its close.
 */
export function isOpen(hours: BusinessHours, at: number): boolean {
  return isOpenLocal(hours, localTime(hours.timeZone, at));
}

/** Local minutes from `local` to the next moment the queue might open: an interval's start or midnight. */
function minutesToNextBoundary(hours: BusinessHours, local: LocalTime): number {
  let next = DAY_MINUTES;
  if (!hours.holidays.includes(local.date)) {
    for (const interval of hours.weekly) {
      const open = clockMinutes(interval.open);
      if (interval.day === local.weekday && open > local.minute && open < next) next = open;
    }
  }
  return next - local.minute;
}

function firstOpenMinute(hours: BusinessHours, from: number, to: number): number | null {
  for (let t = from; t <= to; t += MINUTE_MS) {
    if (isOpen(hours, t)) return t;
  }
  return null;
}

/**
 * The first moment at or after `at` when the queue is open (`at` itself when open now, else the
 * start of a minute), searching 14 days ahead; null when it stays closed all that time.
 * Jumps from one candidate boundary to the next and scans minute by minute across a DST switch.
 */
export function nextOpening(hours: BusinessHours, at: number): number | null {
  if (isOpen(hours, at)) return at;
  const horizon = at + SEARCH_DAYS * DAY_MINUTES * MINUTE_MS;
  let t = Math.floor(at / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  while (t <= horizon) {
    const local = localTime(hours.timeZone, t);
    if (isOpenLocal(hours, local)) return t;
    const jump = t + minutesToNextBoundary(hours, local) * MINUTE_MS;
    if (localTime(hours.timeZone, jump).offsetMinutes !== local.offsetMinutes) {
      // The wall clock jumps in between, so the local boundary is not `jump`: look at every minute.
      const found = firstOpenMinute(hours, t + MINUTE_MS, Math.min(jump, horizon));
      if (found !== null) return found;
    }
    t = jump;
  }
  return null;
}
