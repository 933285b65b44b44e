import { describe, expect, it } from 'vitest';
import type { Channel } from '../../protocol/channels';
import { planRoutingPass } from './plan';
import { makeAgent, makeContact, makeQueue, MINUTE, NOW, SECOND } from './testing/routing-fixtures';
import type { RoutingContact } from './types';

const queue = makeQueue();
const pass = (contacts: RoutingContact[], agents = [makeAgent()], isQueueOpen?: (id: string) => boolean) =>
  planRoutingPass({ contacts, queues: [queue], agents, now: NOW, ...(isQueueOpen ? { isQueueOpen } : {}) });
const contactsOf = (channel: Channel, count: number, waitedSeconds = 0): RoutingContact[] =>
  Array.from({ length: count }, (_, n) =>
    makeContact({
      id: `${channel}-${String(n).padStart(2, '0')}`,
      channel,
      queuedAt: NOW - waitedSeconds * SECOND,
    }),
  );
const offered = (plan: ReturnType<typeof pass>) => plan.offers.map((offer) => offer.contactId);

describe('planRoutingPass', () => {
  it('offers the higher-priority call to the only agent and says why the other waits', () => {
    const low = makeContact({ id: 'low', queuedAt: NOW - 10 * SECOND });
    const critical = makeContact({ id: 'critical', impact: 'critical', urgency: 'critical' });
    const plan = pass([low, critical]);
    expect(plan.offers).toMatchObject([{ contactId: 'critical', agentId: 'a1', reasons: ['chosen'] }]);
    expect(plan.waits).toMatchObject([
      { contactId: 'low', reasons: ['all_eligible_busy', 'waiting_behind_higher_priority'] },
    ]);
  });

  it('offers the only agent to a contact a supervisor jumped ahead, before a critical one', () => {
    const jumped = makeContact({ id: 'jumped', jumpedAt: NOW - SECOND });
    const critical = makeContact({ id: 'critical', impact: 'critical', urgency: 'critical' });
    expect(offered(pass([critical, jumped]))).toEqual(['jumped']);
  });

  it('never plans more contacts on a channel than the agent has free', () => {
    const plan = pass(contactsOf('chat', 5));
    expect(plan.offers).toHaveLength(3);
    expect(plan.waits.map((wait) => wait.reasons)).toEqual([
      ['all_eligible_busy', 'waiting_behind_higher_priority'],
      ['all_eligible_busy', 'waiting_behind_higher_priority'],
    ]);
  });

  it('never plans two calls to one agent, phone or callback', () => {
    const call = makeContact({ id: 'call', queuedAt: NOW - 15 * SECOND });
    const callback = makeContact({ id: 'callback', channel: 'callback' });
    expect(offered(pass([call, callback]))).toEqual(['call']);
  });

  it('gives an agent with free chat capacity a call too: chats do not block calls', () => {
    const chatting = makeAgent({
      state: 'busy',
      holdings: [{ channel: 'chat', status: 'active', count: 1 }],
    });
    expect(offered(pass(contactsOf('phone', 1), [chatting]))).toEqual(['phone-00']);
  });

  it('does not starve a call behind a backlog of 50 older chats', () => {
    const plan = pass([
      ...contactsOf('chat', 50, 600),
      makeContact({ id: 'call', queuedAt: NOW - 5 * SECOND }),
    ]);
    expect(offered(plan)).toContain('call');
    expect(plan.offers.filter((offer) => offer.contactId.startsWith('chat'))).toHaveLength(3);
  });

  it('offers a call ahead of older emails when the agent can only take one more thing', () => {
    const agent = makeAgent();
    agent.routing.capacity = { phone: 1, email: 1, web: 0, chat: 0, callback: 0 };
    const email = makeContact({ id: 'email', channel: 'email', queuedAt: NOW - 30 * MINUTE });
    const call = makeContact({ id: 'call', queuedAt: NOW - 15 * SECOND });
    const plan = pass([email, call], [agent]);
    expect(offered(plan)).toEqual(['call']);
    expect(plan.waits[0]?.reasons).toEqual(['all_eligible_busy', 'waiting_behind_higher_priority']);
  });

  it('keeps live channels of a closed queue waiting, but still offers email and web', () => {
    const agent = makeAgent();
    const contacts = (['phone', 'callback', 'chat', 'email', 'web'] as const).map((channel) =>
      makeContact({ id: channel, channel }),
    );
    const plan = pass(contacts, [agent], () => false);
    expect(offered(plan).sort()).toEqual(['email', 'web']);
    // Equal priority: in id order.
    expect(plan.waits.map((wait) => [wait.contactId, wait.reasons])).toEqual([
      ['callback', ['queue_closed']],
      ['chat', ['queue_closed']],
      ['phone', ['queue_closed']],
    ]);
  });

  it('leaves a contact of an unknown queue waiting with no_eligible_agent', () => {
    const plan = pass([makeContact({ queueId: 'gone' })]);
    expect(plan.waits).toMatchObject([{ contactId: 'c1', reasons: ['no_eligible_agent'], candidates: [] }]);
  });

  it('records each offer with its priority, overflow level and candidates', () => {
    const plan = pass([makeContact()], [makeAgent(), makeAgent({ id: 'a2', languages: ['es'] })]);
    expect(plan.offers[0]).toMatchObject({ overflowLevel: 0, priority: { parts: { matrix: 0 } } });
    expect(plan.offers[0]?.candidates.map((candidate) => candidate.reasons)).toEqual([
      ['chosen'],
      ['wrong_language'],
    ]);
  });

  it('is deterministic and leaves its input untouched', () => {
    const agents = [makeAgent(), makeAgent({ id: 'a2' })];
    const contacts = [...contactsOf('chat', 4, 30), ...contactsOf('phone', 2, 5)];
    const before: unknown = JSON.parse(JSON.stringify({ agents, contacts }));
    expect(pass(contacts, agents)).toEqual(pass(contacts, agents));
    expect({ agents, contacts }).toEqual(before);
  });
});
