import { describe, expect, it } from 'vitest';
import { queueFigures } from '../../../src-shared/domain/supervision/board';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { boardAgent, boardContact, boardQueue } from './board-fixtures';
import { floorOf } from '../../../src-shared/domain/supervision/floor-of';

const NOW = Date.parse('2026-12-05T10:00:00Z');

describe('floorFromCache', () => {
  it('counts waiting contacts per queue and hands held work to its agent', () => {
    const queue = boardQueue({ id: 'q1', teamId: 't1' });
    const ana = boardAgent({ id: 'ana', teamId: 't1', state: 'busy' });
    const contacts: Contact[] = [
      boardContact({ id: 'c1', queueId: 'q1', status: 'queued', queuedAt: '2026-12-05T09:58:00Z' }),
      boardContact({
        id: 'c2',
        queueId: 'q1',
        status: 'queued',
        channel: 'phone',
        queuedAt: '2026-12-05T09:59:30Z',
      }),
      boardContact({
        id: 'c3',
        queueId: 'q1',
        status: 'active',
        agentId: 'ana',
        answeredAt: '2026-12-05T09:55:00Z',
      }),
    ];
    const floor = floorOf([ana], [queue], contacts, NOW);
    expect(floor.waiting.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(floor.agents[0]?.work).toEqual([
      expect.objectContaining({
        contactId: 'c3',
        status: 'active',
        since: Date.parse('2026-12-05T09:55:00Z'),
      }),
    ]);
    const [line] = queueFigures(floor);
    expect(line).toMatchObject({ waiting: 2, longestWaitS: 120, staff: { signedIn: 1, busy: 1 } });
    expect(line?.waitingByChannel).toMatchObject({ email: 1, phone: 1 });
  });

  it('leaves out disabled accounts and people who are not agents', () => {
    const floor = floorOf(
      [
        boardAgent({ id: 'a', disabled: true }),
        boardAgent({ id: 'b', roles: ['supervisor'] }),
        boardAgent({ id: 'c' }),
      ],
      [],
      [],
      NOW,
    );
    expect(floor.agents.map((a) => a.id)).toEqual(['c']);
  });
});
