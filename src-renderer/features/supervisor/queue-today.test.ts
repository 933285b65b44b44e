import { describe, expect, it } from 'vitest';
import { boardContact, boardQueue } from './board-fixtures';
import { queueToday } from './queue-today';

const DAY = Date.parse('2026-12-05T00:00:00Z');

describe('queueToday', () => {
  it("counts answered within the queue's threshold over answered plus abandoned, today only", () => {
    const queue = boardQueue(); // phone: 20 s at 80 %
    const at = (s: number) => new Date(Date.parse('2026-12-05T09:00:00Z') + s * 1000).toISOString();
    const phone = { channel: 'phone' as const, createdAt: at(0), queuedAt: at(0) };
    const today = queueToday(
      [queue],
      [
        boardContact({ ...phone, id: 'fast', status: 'closed', answeredAt: at(10) }),
        boardContact({ ...phone, id: 'slow', status: 'active', answeredAt: at(45) }),
        boardContact({ ...phone, id: 'gone', status: 'abandoned' }),
        boardContact({ ...phone, id: 'waits', status: 'queued' }),
        boardContact({
          ...phone,
          id: 'yesterday',
          status: 'closed',
          createdAt: '2026-12-04T10:00:00Z',
          answeredAt: at(5),
        }),
      ],
      DAY,
    ).get('q1');
    expect(today).toEqual({ serviceLevel: 1 / 3, target: 0.8, abandoned: 1 });
  });

  it('has no service level before anything is answered or abandoned', () => {
    expect(queueToday([boardQueue()], [], DAY).get('q1')?.serviceLevel).toBeNull();
  });
});
