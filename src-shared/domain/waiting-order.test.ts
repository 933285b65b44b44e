import { describe, expect, it } from 'vitest';
import { byWaitingOrder } from './waiting-order';

const contact = (id: string, priority: number, queuedAt: string) => ({ id, priority, queuedAt });

describe('byWaitingOrder', () => {
  it('lists higher priority first, then whoever has waited longest', () => {
    const waiting = [
      contact('late-low', 10, '2026-01-01T09:05:00.000Z'),
      contact('early-low', 10, '2026-01-01T09:00:00.000Z'),
      contact('late-high', 50, '2026-01-01T09:10:00.000Z'),
    ];
    expect(waiting.sort(byWaitingOrder).map((c) => c.id)).toEqual(['late-high', 'early-low', 'late-low']);
  });

  it('treats priorities that show as the same whole number as equal, so the longer wait goes first', () => {
    const waiting = [
      contact('scored-later', 20.3, '2026-01-01T09:05:00.000Z'),
      contact('scored-earlier', 19.8, '2026-01-01T09:00:00.000Z'),
    ];
    expect(waiting.sort(byWaitingOrder).map((c) => c.id)).toEqual(['scored-earlier', 'scored-later']);
  });
});
