import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  const backoff = { firstMs: 1_000, maxMs: 60_000 };

  it('doubles from the first wait', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelayMs(backoff, failures))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelayMs(backoff, 7)).toBe(60_000);
    expect(backoffDelayMs(backoff, 10_000)).toBe(60_000);
  });

  it('treats no failure yet (or a nonsense count) as the first retry', () => {
    expect(backoffDelayMs(backoff, 0)).toBe(1_000);
    expect(backoffDelayMs(backoff, -3)).toBe(1_000);
  });
});
