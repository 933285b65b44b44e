import { describe, expect, it } from 'vitest';
import { assessAgent, overflowLevelFor } from './eligibility';
import { makeAgent, makeContact, makeQueue, NOW, SECOND, withRouting } from './testing/routing-fixtures';
import type { RoutingAgent } from './types';

const queue = makeQueue();
const contact = makeContact();
const assess = (agent: RoutingAgent, overflowLevel = 0, target = queue) =>
  assessAgent(agent, contact, target, overflowLevel, NOW);

describe('assessAgent', () => {
  it('finds an Available agent with the skill, language, tier, team and a free line eligible', () => {
    expect(assess(makeAgent())).toMatchObject({
      agentId: 'a1',
      eligible: true,
      reasons: [],
      skillScore: 3,
      idleSeconds: 60,
    });
  });

  it('accepts a Busy agent who still has capacity on the channel', () => {
    const busy = makeAgent({
      state: 'busy',
      holdings: [{ channel: 'chat', status: 'active', count: 1 }],
    });
    expect(assess(busy).eligible).toBe(true);
  });

  it.each([
    ['offline', 'offline'],
    ['away', 'away'],
    ['wrap_up', 'in_wrap_up'],
  ] as const)('rules out an agent in state %s with %s', (state, reason) => {
    expect(assess(makeAgent({ state }))).toMatchObject({ eligible: false, reasons: [reason] });
  });

  it('says channel_not_served, on_a_call or no_capacity for the capacity on the contact channel', () => {
    const noPhone = makeAgent();
    noPhone.routing.capacity.phone = 0;
    expect(assess(noPhone).reasons).toEqual(['channel_not_served']);
    const onCall = makeAgent({ holdings: [{ channel: 'callback', status: 'active', count: 1 }] });
    expect(assess(onCall).reasons).toEqual(['on_a_call']);
    const chatsFull = makeAgent({
      holdings: [{ channel: 'chat', status: 'active', count: 3 }],
    });
    expect(assessAgent(chatsFull, makeContact({ channel: 'chat' }), queue, 0, NOW).reasons).toEqual([
      'no_capacity',
    ]);
  });

  it('rules out a wrong language and a tier below the queue tier', () => {
    expect(assess(makeAgent({ languages: ['es'] })).reasons).toEqual(['wrong_language']);
    expect(assess(makeAgent(), 0, makeQueue({ tier: 2 })).reasons).toEqual(['tier_too_low']);
    expect(assess(makeAgent({ tier: 3 }), 0, makeQueue({ tier: 2 })).eligible).toBe(true);
  });

  it('lists every blocking reason, not only the first', () => {
    const agent = makeAgent({
      state: 'away',
      languages: ['fr'],
      teamId: 't2',
      routing: { skills: [], capacity: makeAgent().routing.capacity },
    });
    expect(assess(agent, 0, makeQueue({ tier: 2 })).reasons).toEqual([
      'away',
      'wrong_language',
      'tier_too_low',
      'missing_skill',
      'other_team',
    ]);
  });

  describe('skills', () => {
    const strict = withRouting(queue, {
      requiredSkills: [
        { skillId: 'billing', minProficiency: 4 },
        { skillId: 'network', minProficiency: 1 },
      ],
    });
    const agent = makeAgent({
      routing: { skills: [{ skillId: 'billing', proficiency: 3 }], capacity: makeAgent().routing.capacity },
    });

    it('rules out a missing skill and a skill below its minimum, and scores 0 for the missing one', () => {
      expect(assess(agent, 0, strict)).toMatchObject({
        reasons: ['skill_too_low', 'missing_skill'],
        skillScore: 3,
      });
    });

    it('accepts a skill below the minimum from overflow 1, but never a missing skill', () => {
      expect(assess(agent, 1, strict).reasons).toEqual(['missing_skill']);
      expect(
        assess(agent, 1, withRouting(strict, { requiredSkills: [{ skillId: 'billing', minProficiency: 4 }] }))
          .eligible,
      ).toBe(true);
    });
  });

  it('rules out another team until overflow 2', () => {
    const other = makeAgent({ teamId: 't2' });
    expect(assess(other, 0).reasons).toEqual(['other_team']);
    expect(assess(other, 1).reasons).toEqual(['other_team']);
    expect(assess(other, 2).eligible).toBe(true);
    expect(assess(makeAgent({ teamId: null }), 0).reasons).toEqual(['other_team']);
  });

  it('never reports a negative idle time', () => {
    expect(assess(makeAgent({ idleSince: NOW + 5 * SECOND })).idleSeconds).toBe(0);
  });
});

describe('overflowLevelFor', () => {
  const overflowing = withRouting(queue, { overflowAfterSeconds: 60 });
  const waited = (seconds: number) => makeContact({ queuedAt: NOW - seconds * SECOND });

  it('is 0 before the threshold, 1 from it, 2 from twice it', () => {
    expect(overflowLevelFor(waited(59), overflowing, NOW)).toBe(0);
    expect(overflowLevelFor(waited(60), overflowing, NOW)).toBe(1);
    expect(overflowLevelFor(waited(119), overflowing, NOW)).toBe(1);
    expect(overflowLevelFor(waited(120), overflowing, NOW)).toBe(2);
  });

  it('never overflows when the threshold is 0', () => {
    expect(overflowLevelFor(waited(86_400), queue, NOW)).toBe(0);
  });
});
