/** How long to wait between tries: doubling from `firstMs`, never longer than `maxMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/**
 * The wait before the next try after `failures` failed ones: first, 2×first, 4×first … capped.
 * Zero failures waits `firstMs` too (a first retry is still a retry).
 */
export function backoffDelayMs(backoff: Backoff, failures: number): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1));
}
