import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows minutes and seconds, then hours', () => {
    expect(formatDuration(42_000)).toBe('0:42');
    expect(formatDuration(725_000)).toBe('12:05');
    expect(formatDuration(11_049_000)).toBe('3:04:09');
  });

  it('never shows a negative time when clocks disagree', () => {
    expect(formatDuration(-5_000)).toBe('0:00');
  });
});
