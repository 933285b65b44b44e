import fc from 'fast-check';
import { localClock } from '../zoned-time';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const FROM = Date.parse('1995-01-01T00:00:00Z');
const TO = Date.parse('2040-01-01T00:00:00Z');
/**
 * Newfoundland switched at 00:01 until 2011, off the quarter-hour grid: a 15-minute interval then
 * held moments of two local days. Measures assume switches on the grid (docs/KPIS.md), so the
 * properties look at St John's from 2012 only.
 */
const SINCE: Readonly<Record<string, number>> = { 'America/St_Johns': Date.parse('2012-01-01T00:00:00Z') };

/**
 * Zones with DST both ways, at midnight (Santiago), of half an hour (Lord Howe), with quarter-hour
 * offsets (Kathmandu, Chatham), negative half-hours (St John's), across the date line (Apia), and
 * none at all (Kolkata, UTC).
 */
export const KPI_TIME_ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Apia',
  'Asia/Kolkata',
  'UTC',
] as const;

const changes = new Map<string, number[]>();

/** Every moment the zone's UTC offset changed between 1995 and 2040 (weekly scan, then bisection). */
export function offsetChanges(zone: string): number[] {
  const known = changes.get(zone);
  if (known) return known;
  const found: number[] = [];
  let before = FROM;
  let offset = localClock(before, zone).offsetMinutes;
  for (let after = FROM + WEEK_MS; after <= TO; after += WEEK_MS) {
    const next = localClock(after, zone).offsetMinutes;
    if (next !== offset) {
      let low = before;
      let high = after;
      while (high - low > 60_000) {
        const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
        if (localClock(middle, zone).offsetMinutes === offset) low = middle;
        else high = middle;
      }
      found.push(high);
      offset = next;
    }
    before = after;
  }
  changes.set(zone, found);
  return found;
}

/** A zone and a moment: half the time anywhere in 1995–2040, half within 36 hours of an offset change. */
export const arbZonedMoment: fc.Arbitrary<{ zone: string; at: number }> = fc
  .constantFrom(...KPI_TIME_ZONES)
  .chain((zone) => {
    const since = SINCE[zone] ?? FROM;
    const anywhere = fc.integer({ min: since, max: TO });
    const switches = offsetChanges(zone).filter((change) => change - 36 * HOUR_MS >= since);
    if (switches.length === 0) return anywhere.map((at) => ({ zone, at }));
    const nearSwitch = fc
      .tuple(fc.constantFrom(...switches), fc.integer({ min: -36 * HOUR_MS, max: 36 * HOUR_MS }))
      .map(([change, offset]) => change + offset);
    return fc.oneof(anywhere, nearSwitch).map((at) => ({ zone, at }));
  });
