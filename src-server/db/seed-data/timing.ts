import type { Random } from '../../../src-shared/domain/random';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const startOfUtcDay = (at: Date): number =>
  Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());

/** Relative contact volume per UTC hour: quiet nights, a morning peak, a dip at lunch, an afternoon peak. */
// prettier-ignore
export const HOUR_WEIGHTS: readonly number[] = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 7, 9, 8,
  5.5, 6, 8, 8, 6.5, 4, 2, 1, 0.7, 0.5, 0.4, 0.3,
];

const HOURS = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const);

/** A moment on the given UTC day, more likely in busy hours. */
export function busyMomentOn(dayStartMs: number, rng: Random): Date {
  const hour = rng.weighted(HOURS);
  return new Date(dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS / SECOND_MS - 1) * SECOND_MS);
}

/**
 * A triangular sample in [min, max] peaking at `mode`: good enough for waits and handle
 * times, which cluster around a typical value with a tail.
 */
export function triangular(rng: Random, min: number, mode: number, max: number): number {
  const u = rng.next();
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Seconds as an integer number of milliseconds, so timestamps stay on whole seconds. */
export const seconds = (value: number): number => Math.round(value) * SECOND_MS;
