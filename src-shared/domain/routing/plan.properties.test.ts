import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../protocol/channels';
import { LEVELS } from '../../protocol/contacts';
import { CUSTOMER_TIERS } from '../../protocol/entities';
import { blockingHolding, freeCapacity } from './capacity';
import { assessAgent, overflowLevelFor } from './eligibility';
import { LIVE_CHANNELS, planRoutingPass, type RoutingPassInput } from './plan';
import { compareForRouting, priorityOf } from './priority';
import { arbRoutingScenario } from './testing/routing-arbitraries';
import { makeAgent, makeContact, makeQueue, NOW, SECOND } from './testing/routing-fixtures';
import type { RoutingAgent, RoutingContact, RoutingQueue } from './types';

const CALLS = ['phone', 'callback'];

function lookups(input: RoutingPassInput) {
  const queue = (id: string): RoutingQueue => input.queues.find((q) => q.id === id) ?? input.queues[0]!;
  const contact = (id: string): RoutingContact => input.contacts.find((c) => c.id === id)!;
  const agent = (id: string): RoutingAgent => input.agents.find((a) => a.id === id)!;
  return { queue, contact, agent };
}

/** The contacts in the order a pass must handle them. */
function routingOrder(input: RoutingPassInput): RoutingContact[] {
  const { queue } = lookups(input);
  return input.contacts
    .map((contact) => ({ ...contact, priority: priorityOf(contact, queue(contact.queueId), input.now) }))
    .sort(compareForRouting);
}

describe('planRoutingPass (properties over random queues, agents and contacts)', () => {
  it('plans every contact exactly once, and each offer to one agent', () => {
    fc.assert(
      fc.property(arbRoutingScenario, ({ input }) => {
        const plan = planRoutingPass(input);
        const planned = [...plan.offers, ...plan.waits].map((entry) => entry.contactId).sort();
        expect(planned).toEqual(input.contacts.map((contact) => contact.id).sort());
      }),
    );
  });

  it('a candidate limit only shortens each candidate list to its best few', () => {
    fc.assert(
      fc.property(arbRoutingScenario, fc.integer({ min: 1, max: 4 }), ({ input }, limit) => {
        const full = planRoutingPass(input);
        const short = planRoutingPass({ ...input, candidateLimit: limit });
        const cut = (entries: typeof full.offers | typeof full.waits) =>
          entries.map((entry) => ({ ...entry, candidates: entry.candidates.slice(0, limit) }));
        expect(short.offers).toEqual(cut(full.offers));
        expect(short.waits).toEqual(cut(full.waits));
      }),
    );
  });

  it('never exceeds free capacity, never plans two calls to one agent, and nothing after a call', () => {
    fc.assert(
      fc.property(arbRoutingScenario, ({ input }) => {
        const { contact } = lookups(input);
        const plan = planRoutingPass(input);
        for (const agent of input.agents) {
          const mine = plan.offers
            .filter((offer) => offer.agentId === agent.id)
            .map((offer) => contact(offer.contactId));
          const free = freeCapacity(agent);
          for (const channel of CHANNELS) {
            expect(mine.filter((c) => c.channel === channel).length).toBeLessThanOrEqual(free[channel]);
          }
          const callAt = mine.findIndex((c) => CALLS.includes(c.channel));
          if (callAt >= 0) expect(callAt).toBe(mine.length - 1);
          if (blockingHolding(agent)) expect(mine).toEqual([]);
        }
      }),
    );
  });

  it('offers only to Available or Busy agents who meet language, tier, skills and team at the overflow level', () => {
    fc.assert(
      fc.property(arbRoutingScenario, ({ input }) => {
        const { queue, contact, agent } = lookups(input);
        for (const offer of planRoutingPass(input).offers) {
          const [c, a] = [contact(offer.contactId), agent(offer.agentId)];
          const q = queue(c.queueId);
          const level = overflowLevelFor(c, q, input.now);
          expect(offer.overflowLevel).toBe(level);
          expect(['available', 'busy']).toContain(a.state);
          expect(freeCapacity(a)[c.channel]).toBeGreaterThan(0);
          expect(a.languages).toContain(c.language);
          expect(a.tier).toBeGreaterThanOrEqual(q.tier);
          for (const required of q.routing.requiredSkills) {
            const held = a.routing.skills.find((skill) => skill.skillId === required.skillId);
            expect(held).toBeDefined();
            if (level < 1) expect(held!.proficiency).toBeGreaterThanOrEqual(required.minProficiency);
          }
          if (level < 2) expect(a.teamId).toBe(q.teamId);
        }
      }),
    );
  });

  it('leaves no contact waiting that an agent could still take at its turn (priority order respected)', () => {
    fc.assert(
      fc.property(arbRoutingScenario, ({ input, closedQueueIds }) => {
        const { queue } = lookups(input);
        const plan = planRoutingPass(input);
        const agents = input.agents.map((a) => ({ ...a, holdings: [...a.holdings] }));
        for (const contact of routingOrder(input)) {
          const offer = plan.offers.find((o) => o.contactId === contact.id);
          if (offer) {
            agents
              .find((a) => a.id === offer.agentId)!
              .holdings.push({ channel: contact.channel, status: 'offered', count: 1 });
            continue;
          }
          const wait = plan.waits.find((w) => w.contactId === contact.id)!;
          const isClosedLive =
            closedQueueIds.includes(contact.queueId) && LIVE_CHANNELS.includes(contact.channel);
          expect(wait.reasons.includes('queue_closed')).toBe(isClosedLive);
          if (isClosedLive) continue;
          const q = queue(contact.queueId);
          const level = overflowLevelFor(contact, q, input.now);
          expect(agents.filter((a) => assessAgent(a, contact, q, level, input.now).eligible)).toEqual([]);
        }
      }),
    );
  });

  it('plans the same offers whatever the order of contacts and agents', () => {
    const arbShuffled = arbRoutingScenario.chain(({ input }) =>
      fc.record({
        input: fc.constant(input),
        contacts: fc.shuffledSubarray(input.contacts, { minLength: input.contacts.length }),
        agents: fc.shuffledSubarray(input.agents, { minLength: input.agents.length }),
      }),
    );
    fc.assert(
      fc.property(arbShuffled, ({ input, contacts, agents }) => {
        const pairs = (plan: ReturnType<typeof planRoutingPass>) =>
          plan.offers.map((o) => [o.contactId, o.agentId]);
        expect(pairs(planRoutingPass({ ...input, contacts, agents }))).toEqual(pairs(planRoutingPass(input)));
      }),
    );
  });
});

const arbUrgency = fc.record({
  impact: fc.constantFrom(...LEVELS),
  urgency: fc.constantFrom(...LEVELS),
  customerTier: fc.option(fc.constantFrom(...CUSTOMER_TIERS)),
});

describe('planRoutingPass (properties over one agent)', () => {
  it('offers the single free place to the higher-priority of two contacts', () => {
    const arbPair = fc.tuple(
      fc.constantFrom(...CHANNELS),
      arbUrgency,
      arbUrgency,
      fc.nat(7200),
      fc.nat(7200),
    );
    fc.assert(
      fc.property(arbPair, ([channel, first, second, waitedA, waitedB]) => {
        const agent = makeAgent();
        agent.routing.capacity = { phone: 0, email: 0, web: 0, chat: 0, callback: 0, [channel]: 1 };
        const a = makeContact({ id: 'a', channel, ...first, queuedAt: NOW - waitedA * SECOND });
        const b = makeContact({ id: 'b', channel, ...second, queuedAt: NOW - waitedB * SECOND });
        const input = { contacts: [a, b], queues: [makeQueue()], agents: [agent], now: NOW };
        const [winner] = routingOrder(input);
        expect(planRoutingPass(input).offers.map((o) => o.contactId)).toEqual([winner!.id]);
      }),
    );
  });

  it('never starves a call behind a backlog of chats, however old or important', () => {
    const arbChat = fc.tuple(arbUrgency, fc.nat(7200));
    const arbBacklog = fc.tuple(
      fc.array(arbChat, { minLength: 1, maxLength: 60 }),
      arbUrgency,
      fc.integer({ min: 3, max: 120 }),
    );
    fc.assert(
      fc.property(arbBacklog, ([chats, callUrgency, callWaited]) => {
        const agent = makeAgent();
        agent.routing.capacity = { phone: 1, email: 0, web: 0, chat: 3, callback: 0 };
        const contacts = chats.map(([urgency, waited], n) =>
          makeContact({ id: `chat${n}`, channel: 'chat', ...urgency, queuedAt: NOW - waited * SECOND }),
        );
        contacts.push(makeContact({ id: 'call', ...callUrgency, queuedAt: NOW - callWaited * SECOND }));
        const plan = planRoutingPass({ contacts, queues: [makeQueue()], agents: [agent], now: NOW });
        expect(plan.offers.map((o) => o.contactId)).toContain('call');
      }),
    );
  });
});
