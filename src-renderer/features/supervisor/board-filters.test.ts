import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY } from '../../../src-shared/protocol/routing-config';
import { boardAgent, boardQueue } from './board-fixtures';
import { filterAgents, filterQueues, NO_FILTER } from './board-filters';

const queues = [
  boardQueue({ id: 'q1', teamId: 't1', channels: ['phone'] }),
  boardQueue({ id: 'q2', teamId: 't2', channels: ['email', 'chat'] }),
];
const agents = [
  boardAgent({ id: 'a1', teamId: 't1', state: 'available' }),
  boardAgent({
    id: 'a2',
    teamId: 't2',
    state: 'away',
    routing: { skills: [], capacity: { ...DEFAULT_CAPACITY, chat: 0 } },
  }),
  boardAgent({ id: 'a3', teamId: 't2', state: 'busy' }),
];
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('board filters', () => {
  it('shows everything unfiltered', () => {
    expect(ids(filterQueues(queues, NO_FILTER))).toEqual(['q1', 'q2']);
    expect(ids(filterAgents(agents, queues, NO_FILTER))).toEqual(['a1', 'a2', 'a3']);
  });

  it('narrows queues by team, queue and channel', () => {
    expect(ids(filterQueues(queues, { ...NO_FILTER, teamId: 't2' }))).toEqual(['q2']);
    expect(ids(filterQueues(queues, { ...NO_FILTER, queueId: 'q1' }))).toEqual(['q1']);
    expect(ids(filterQueues(queues, { ...NO_FILTER, channel: 'chat' }))).toEqual(['q2']);
  });

  it("narrows agents to a queue's team, a channel they can take, and a state", () => {
    expect(ids(filterAgents(agents, queues, { ...NO_FILTER, queueId: 'q2' }))).toEqual(['a2', 'a3']);
    expect(ids(filterAgents(agents, queues, { ...NO_FILTER, channel: 'chat' }))).toEqual(['a1', 'a3']);
    expect(ids(filterAgents(agents, queues, { ...NO_FILTER, state: 'away' }))).toEqual(['a2']);
  });
});
