import { describe, expect, it } from 'vitest';
import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import { queueBoardRows } from './queue-board';

const queue = (id: string, teamId: string) => ({ id, name: id.toUpperCase(), teamId }) as Queue;
const agent = (id: string, teamId: string, state: Agent['state'], extra: Partial<Agent> = {}) =>
  ({ id, teamId, state, roles: ['agent'], disabled: false, ...extra }) as Agent;

describe('the queues board', () => {
  it('counts waiting work and the team’s agents signed in and available', () => {
    const rows = queueBoardRows(
      [queue('q_en', 'team_en'), queue('q_es', 'team_es')],
      [
        agent('a1', 'team_en', 'available'),
        agent('a2', 'team_en', 'busy'),
        agent('a3', 'team_en', 'offline'),
        agent('a4', 'team_es', 'away'),
        agent('s1', 'team_en', 'available', { roles: ['supervisor'] }),
        agent('a5', 'team_en', 'available', { disabled: true }),
      ],
      new Map([['q_en', { waiting: 3, oldestQueuedAt: '2026-03-02T09:00:00.000Z' }]]),
    );
    expect(rows).toEqual([
      {
        queueId: 'q_en',
        name: 'Q_EN',
        waiting: 3,
        oldestQueuedAt: '2026-03-02T09:00:00.000Z',
        loggedIn: 2,
        available: 1,
      },
      { queueId: 'q_es', name: 'Q_ES', waiting: 0, oldestQueuedAt: null, loggedIn: 1, available: 0 },
    ]);
  });
});
