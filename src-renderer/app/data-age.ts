/** How old the cached data is, in the largest whole unit that fits (for "data from 12 min ago"). */
export type DataAge = { unit: 'justNow' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function dataAgeOf(liveUntil: number, now: number): DataAge {
  const elapsed = Math.max(0, now - liveUntil);
  if (elapsed < MINUTE_MS) return { unit: 'justNow' };
  if (elapsed < HOUR_MS) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE_MS) };
  if (elapsed < DAY_MS) return { unit: 'hours', count: Math.floor(elapsed / HOUR_MS) };
  return { unit: 'days', count: Math.floor(elapsed / DAY_MS) };
}
