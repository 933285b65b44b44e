import { describe, expect, it } from 'vitest';
import { dataAgeOf } from './data-age';

const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const MIN = 60_000;

describe('dataAgeOf', () => {
  it('says "just now" within the first minute', () => {
    expect(dataAgeOf(NOW - 59_999, NOW)).toEqual({ unit: 'justNow' });
  });

  it('counts whole minutes, hours and days', () => {
    expect(dataAgeOf(NOW - 12.5 * MIN, NOW)).toEqual({ unit: 'minutes', count: 12 });
    expect(dataAgeOf(NOW - 61 * MIN, NOW)).toEqual({ unit: 'hours', count: 1 });
    expect(dataAgeOf(NOW - 50 * 60 * MIN, NOW)).toEqual({ unit: 'days', count: 2 });
  });

  it('treats a clock that went backwards as fresh data, not a negative age', () => {
    expect(dataAgeOf(NOW + 5 * MIN, NOW)).toEqual({ unit: 'justNow' });
  });
});
