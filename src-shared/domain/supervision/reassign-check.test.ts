import { describe, expect, it } from 'vitest';
import { makeAgent, makeContact, makeQueue, NOW } from '../routing/testing/routing-fixtures';
import { checkReassignment } from './reassign-check';

const queue = makeQueue();
const call = makeContact();

describe('checkReassignment', () => {
  it('allows a free, skilled agent of the team with nothing to say', () => {
    expect(checkReassignment(makeAgent(), call, queue, { now: NOW })).toEqual({
      isAllowed: true,
      blockers: [],
      overridable: [],
      warnings: [],
    });
  });

  it('refuses an agent who is not signed in or lacks a required skill, even forced', () => {
    const offline = makeAgent({ state: 'offline' });
    const unskilled = makeAgent({ routing: { ...makeAgent().routing, skills: [] } });
    for (const agent of [offline, unskilled]) {
      const check = checkReassignment(agent, call, queue, { now: NOW, force: true });
      expect(check.isAllowed).toBe(false);
    }
    expect(checkReassignment(offline, call, queue, { now: NOW }).blockers).toEqual(['offline']);
    expect(checkReassignment(unskilled, call, queue, { now: NOW }).blockers).toEqual(['missing_skill']);
  });

  it('refuses an agent without a free place for the channel unless forced', () => {
    const onCall = makeAgent({ state: 'busy', holdings: [{ channel: 'phone', status: 'active', count: 1 }] });
    expect(checkReassignment(onCall, call, queue, { now: NOW })).toMatchObject({
      isAllowed: false,
      overridable: ['on_a_call'],
    });
    expect(checkReassignment(onCall, call, queue, { now: NOW, force: true }).isAllowed).toBe(true);
    const away = makeAgent({ state: 'away' });
    expect(checkReassignment(away, call, queue, { now: NOW })).toMatchObject({
      isAllowed: false,
      overridable: ['away'],
    });
  });

  it('allows, with warnings, another team, a lower tier, a weaker skill, another language, a decline', () => {
    const agent = makeAgent({
      teamId: 't2',
      routing: { ...makeAgent().routing, skills: [{ skillId: 'billing', proficiency: 1 }] },
      languages: ['es'],
    });
    const declined = { ...call, declinedBy: [agent.id] };
    const check = checkReassignment(agent, declined, { ...queue, tier: 2 }, { now: NOW });
    expect(check.isAllowed).toBe(true);
    expect([...check.warnings].sort()).toEqual(
      ['declined_before', 'other_team', 'skill_too_low', 'tier_too_low', 'wrong_language'].sort(),
    );
  });
});
