import { describe, expect, it } from 'vitest';
import { chooseAgent } from './choose-agent';
import {
  makeAgent,
  makeContact,
  makeQueue,
  MINUTE,
  NOW,
  SECOND,
  withRouting,
} from './testing/routing-fixtures';
import type { RoutingAgent } from './types';

const queue = makeQueue();
const skilled = (id: string, proficiency: number, idleMinutes = 1): RoutingAgent =>
  makeAgent({
    id,
    idleSince: NOW - idleMinutes * MINUTE,
    routing: { skills: [{ skillId: 'billing', proficiency }], capacity: makeAgent().routing.capacity },
  });
const reasonsOf = (choice: ReturnType<typeof chooseAgent>) =>
  Object.fromEntries(choice.candidates.map((candidate) => [candidate.agentId, candidate.reasons]));

describe('chooseAgent', () => {
  it('prefers the best skill match, and tells the others lower_skill_match', () => {
    const choice = chooseAgent(makeContact(), queue, [skilled('a1', 3, 10), skilled('a2', 5, 1)], NOW);
    expect(choice.agentId).toBe('a2');
    expect(reasonsOf(choice)).toEqual({ a1: ['lower_skill_match'], a2: ['chosen'] });
    expect(choice.reasons).toEqual(['chosen']);
  });

  it('prefers the longest idle among equal skill, and tells the others idle_shorter', () => {
    const choice = chooseAgent(makeContact(), queue, [skilled('a1', 4, 2), skilled('a2', 4, 9)], NOW);
    expect(choice.agentId).toBe('a2');
    expect(reasonsOf(choice)).toEqual({ a1: ['idle_shorter'], a2: ['chosen'] });
  });

  it('breaks a full tie by agent id, whatever the input order', () => {
    const agents = [skilled('b', 4, 5), skilled('a', 4, 5)];
    expect(chooseAgent(makeContact(), queue, agents, NOW).agentId).toBe('a');
    expect(chooseAgent(makeContact(), queue, [...agents].reverse(), NOW).agentId).toBe('a');
  });

  it('passes over an agent who declined the contact while someone else can take it', () => {
    const contact = makeContact({ declinedBy: ['a2'] });
    const choice = chooseAgent(contact, queue, [skilled('a1', 2), skilled('a2', 5)], NOW);
    expect(choice.agentId).toBe('a1');
    expect(reasonsOf(choice)).toEqual({ a1: ['chosen'], a2: ['declined_before'] });
  });

  it('offers again to an agent who declined when nobody else is eligible', () => {
    const contact = makeContact({ declinedBy: ['a2'] });
    const choice = chooseAgent(
      contact,
      queue,
      [makeAgent({ id: 'a1', state: 'away' }), skilled('a2', 5)],
      NOW,
    );
    expect(choice.agentId).toBe('a2');
  });

  it('leaves ineligible candidates with their blocking reasons', () => {
    const choice = chooseAgent(
      makeContact(),
      queue,
      [skilled('a1', 3), makeAgent({ id: 'a2', languages: ['es'] })],
      NOW,
    );
    expect(reasonsOf(choice).a2).toEqual(['wrong_language']);
    expect(choice.candidates.find((c) => c.agentId === 'a2')?.eligible).toBe(false);
  });

  describe('when nobody can take it', () => {
    it('says no_agent_logged_in when everyone in the queue team is offline', () => {
      const agents = [makeAgent({ state: 'offline' }), makeAgent({ id: 'a2', teamId: 't2' })];
      const choice = chooseAgent(makeContact(), queue, agents, NOW);
      expect(choice).toMatchObject({ agentId: null, reasons: ['no_agent_logged_in'] });
    });

    it('says all_eligible_busy when an agent would fit but is on a call or full', () => {
      const onCall = makeAgent({ holdings: [{ channel: 'phone', status: 'active', count: 1 }] });
      expect(chooseAgent(makeContact(), queue, [onCall], NOW).reasons).toEqual(['all_eligible_busy']);
    });

    it('says all_in_wrap_up when every agent who would fit is in wrap-up', () => {
      const wrapping = makeAgent({
        state: 'wrap_up',
        holdings: [{ channel: 'phone', status: 'wrap_up', count: 1 }],
      });
      const alsoWrapping = makeAgent({ id: 'a2', state: 'wrap_up' });
      expect(chooseAgent(makeContact(), queue, [wrapping, alsoWrapping], NOW).reasons).toEqual([
        'all_in_wrap_up',
      ]);
      const onCall = makeAgent({ id: 'a3', holdings: [{ channel: 'phone', status: 'active', count: 1 }] });
      expect(chooseAgent(makeContact(), queue, [wrapping, onCall], NOW).reasons).toEqual([
        'all_eligible_busy',
      ]);
    });

    it('says no_eligible_agent when logged-in agents lack what the contact needs', () => {
      const choice = chooseAgent(makeContact(), queue, [makeAgent({ languages: ['es'] })], NOW);
      expect(choice.reasons).toEqual(['no_eligible_agent']);
    });

    it('says all_away when everyone of the team who is logged in is away (not "nobody logged in")', () => {
      const team = [makeAgent({ state: 'away' }), makeAgent({ id: 'a2', state: 'offline' })];
      expect(chooseAgent(makeContact(), queue, team, NOW).reasons).toEqual(['all_away']);
      const oneFree = [...team, makeAgent({ id: 'a3', languages: ['es'] })];
      expect(chooseAgent(makeContact(), queue, oneFree, NOW).reasons).toEqual(['no_eligible_agent']);
    });

    it('says when the first agent in wrap-up is free: their wrap-up maximum', () => {
      const wrapping = (id: string, endsInS: number | null) =>
        makeAgent({
          id,
          state: 'wrap_up',
          holdings: [{ channel: 'phone', status: 'wrap_up', count: 1 }],
          wrapUpEndsAt: endsInS === null ? null : NOW + endsInS * SECOND,
        });
      const choice = chooseAgent(makeContact(), queue, [wrapping('a1', 90), wrapping('a2', 40)], NOW);
      expect(choice).toMatchObject({ reasons: ['all_in_wrap_up'], nextFreeAt: NOW + 40 * SECOND });
      // A wrap-up with no maximum is no promise.
      expect(chooseAgent(makeContact(), queue, [wrapping('a1', null)], NOW).nextFreeAt).toBeNull();
      const onCall = makeAgent({ id: 'a3', holdings: [{ channel: 'phone', status: 'active', count: 1 }] });
      expect(chooseAgent(makeContact(), queue, [wrapping('a1', 90), onCall], NOW).nextFreeAt).toBeUndefined();
    });
  });

  describe('overflow', () => {
    const overflowing = withRouting(queue, { overflowAfterSeconds: 60 });
    const otherTeam = makeAgent({ id: 'a9', teamId: 't2' });

    it('widens to another team at overflow 2 and says overflow_widened', () => {
      const contact = makeContact({ queuedAt: NOW - 120 * SECOND });
      const choice = chooseAgent(contact, overflowing, [otherTeam], NOW);
      expect(choice).toMatchObject({
        agentId: 'a9',
        overflowLevel: 2,
        reasons: ['chosen', 'overflow_widened'],
      });
    });

    it('counts agents of every team as logged in at overflow 2', () => {
      const contact = makeContact({ queuedAt: NOW - 120 * SECOND, language: 'de' });
      expect(chooseAgent(contact, overflowing, [otherTeam], NOW).reasons).toEqual([
        'no_eligible_agent',
        'overflow_widened',
      ]);
      const early = makeContact({ queuedAt: NOW - 60 * SECOND, language: 'de' });
      expect(chooseAgent(early, overflowing, [otherTeam], NOW).reasons).toEqual([
        'no_agent_logged_in',
        'overflow_widened',
      ]);
    });
  });
});
