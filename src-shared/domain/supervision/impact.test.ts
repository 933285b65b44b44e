import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SupervisorAction } from './actions';
import { previewImpact } from './impact';
import { forecastOffers } from './simulate';
import type { QueueState } from './queue-state';
import { withRouting } from '../routing/testing/routing-fixtures';
import { arbQueueState, arbSinglePool } from './testing/forecast-arbitraries';
import {
  heldContact,
  makeContact,
  makeQueue,
  makeQueueAgent,
  makeState,
  NOW,
  onlyChannel,
  SECOND,
} from './testing/forecast-fixtures';

const phoneAgent = (id: string, overrides = {}) =>
  makeQueueAgent({
    id,
    routing: { skills: [{ skillId: 'billing', proficiency: 3 }], capacity: onlyChannel('phone') },
    ...overrides,
  });

/** Three calls in line for one agent (100 s each): first waited 15 s, second 10 s, third 5 s. */
function lineOfThree(): QueueState {
  const calls = ['first', 'second', 'third'].map((id, n) =>
    makeContact({ id, queuedAt: NOW - (15 - 5 * n) * SECOND }),
  );
  return makeState({ agents: [phoneAgent('a1')], contacts: calls });
}

describe('previewImpact', () => {
  it('shows who slips when the last caller jumps ahead, by how much, and who newly breaches', () => {
    const preview = previewImpact(lineOfThree(), { kind: 'jump', contactId: 'third' });
    expect(preview.affected).toEqual([
      { contactId: 'first', waitBeforeS: 15, waitAfterS: 115, breachBefore: false, breachAfter: true },
      { contactId: 'second', waitBeforeS: 110, waitAfterS: 210, breachBefore: true, breachAfter: true },
    ]);
    expect(preview.summary).toEqual({
      considered: 2,
      slipped: 2,
      totalSlipS: 200,
      maxSlipS: 100,
      noLongerReached: 0,
      gained: 0,
      totalGainS: 0,
      newBreaches: 1,
      breachesAvoided: 0,
    });
    expect(preview.subject).toEqual({
      contactId: 'third',
      waitBeforeS: 205,
      waitAfterS: 5,
      breachBefore: true,
      breachAfter: false,
    });
  });

  it('shows the gain for everyone behind when a caller is handed to another, idle agent', () => {
    const state = { ...lineOfThree(), agents: [phoneAgent('a1'), phoneAgent('b1', { teamId: 't2' })] };
    const preview = previewImpact(state, { kind: 'reassign', contactId: 'first', agentId: 'b1' });
    expect(preview.affected.map((o) => [o.contactId, o.waitBeforeS, o.waitAfterS])).toEqual([
      ['second', 110, 10],
      ['third', 205, 105],
    ]);
    expect(preview.summary).toMatchObject({ slipped: 0, gained: 2, totalGainS: 200, breachesAvoided: 1 });
    expect(preview.subject).toMatchObject({ waitBeforeS: 15, waitAfterS: 15 });
  });

  it('counts the callers an agent frees when their call is moved back to the queue', () => {
    const busy = phoneAgent('a1', { state: 'busy', work: [heldContact({ id: 'held' }, NOW - 10 * SECOND)] });
    const other = makeQueue({ id: 'q2' });
    const waiting = makeContact({ id: 'waiting', queuedAt: NOW - 5 * SECOND });
    const state = makeState({ queues: [makeQueue(), other], agents: [busy], contacts: [waiting] });
    const preview = previewImpact(state, { kind: 'move', contactId: 'held', queueId: 'q2' });
    expect(preview.affected).toEqual([
      { contactId: 'waiting', waitBeforeS: 95, waitAfterS: 5, breachBefore: true, breachAfter: false },
    ]);
    expect(preview.subject).toBeNull();
  });

  it('says when a contact is no longer expected within the horizon', () => {
    const state = lineOfThree();
    const preview = previewImpact(state, { kind: 'jump', contactId: 'third' }, { horizonMs: 150 * SECOND });
    expect(preview.affected.find((o) => o.contactId === 'second')).toMatchObject({
      waitBeforeS: 110,
      waitAfterS: null,
    });
    expect(preview.summary).toMatchObject({ slipped: 2, noLongerReached: 1, totalSlipS: 100 });
  });
});

/** Actions the server refuses, or that leave the floor as it is. */
function idleActions(state: QueueState): SupervisorAction[] {
  const held = state.agents.flatMap((a) => a.work.map((w) => ({ agent: a, id: w.contact.id })));
  return [
    { kind: 'jump', contactId: 'nobody' },
    { kind: 'reassign', contactId: 'nobody', agentId: state.agents[0]!.id },
    ...state.contacts.map((c): SupervisorAction => ({ kind: 'move', contactId: c.id, queueId: c.queueId })),
    ...state.contacts.map((c): SupervisorAction => ({ kind: 'reassign', contactId: c.id, agentId: 'ghost' })),
    ...state.contacts
      .filter((c) => (c.jumpedAt ?? null) !== null)
      .map((c): SupervisorAction => ({ kind: 'jump', contactId: c.id })),
    ...held.map(({ id }): SupervisorAction => ({ kind: 'jump', contactId: id })),
    ...held.map(({ agent, id }): SupervisorAction => ({
      kind: 'reassign',
      contactId: id,
      agentId: agent.id,
    })),
  ];
}

describe('previewImpact (properties over random floors)', () => {
  it('an action with no effect changes nobody’s wait or outcome', () => {
    const arbIdle = arbQueueState.chain((state) =>
      fc.record({ state: fc.constant(state), action: fc.constantFrom(...idleActions(state)) }),
    );
    fc.assert(
      fc.property(arbIdle, ({ state, action }) => {
        const preview = previewImpact(state, action);
        expect(preview.affected).toEqual([]);
        expect(preview.summary).toMatchObject({ slipped: 0, gained: 0, newBreaches: 0, breachesAvoided: 0 });
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('jumping a contact ahead never shortens another contact’s wait in a pool where anyone takes anything', () => {
    // Every free agent can take every call and every call takes as long: the moments agents free
    // up do not depend on who they serve, so the jumped call can only take a moment from others.
    const arbJump = arbSinglePool
      .filter((state) => state.contacts.length > 0)
      .chain((state) => fc.record({ state: fc.constant(state), target: fc.constantFrom(...state.contacts) }));
    fc.assert(
      fc.property(arbJump, ({ state, target }) => {
        const preview = previewImpact(state, { kind: 'jump', contactId: target.id });
        for (const o of preview.affected) {
          if (o.waitBeforeS === null) expect(o.waitAfterS).toBeNull();
          else if (o.waitAfterS !== null) expect(o.waitAfterS).toBeGreaterThanOrEqual(o.waitBeforeS);
          expect(o.breachAfter || !o.breachBefore).toBe(true);
        }
        expect(preview.summary.gained).toBe(0);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('reports a gain the exact timing of mixed work can bring, outside a single pool', () => {
    // One agent: a web form and a call at once, or one call. Callbacks take 21 s, calls 20 s, web
    // forms 41 s. Jumping the callback shifts the calls by a second, so one ends just as the web
    // place frees and the waiting web form is taken 19 s sooner. docs/SUPERVISION.md: limits.
    const agent = makeQueueAgent({
      id: 'a0',
      routing: { skills: [], capacity: { phone: 1, email: 0, web: 1, chat: 0, callback: 1 } },
    });
    const contact = (id: string, channel: 'phone' | 'callback' | 'web', jumpedAt: number | null = null) =>
      makeContact({ id, channel, jumpedAt });
    const state = makeState({
      queues: [withRouting(makeQueue(), { requiredSkills: [], serviceLevels: {} })],
      agents: [agent],
      contacts: [
        contact('c0', 'phone'),
        contact('c1', 'phone'),
        contact('c2', 'phone'),
        contact('c3', 'callback'),
        contact('c4', 'web', NOW),
        contact('c5', 'web', NOW - SECOND),
      ],
      handleTimes: { byQueue: {}, defaults: { phone: 20, callback: 21, chat: 20, email: 20, web: 41 } },
    });
    const preview = previewImpact(state, { kind: 'jump', contactId: 'c3' });
    expect(preview.affected.find((o) => o.contactId === 'c4')).toMatchObject({
      waitBeforeS: 60,
      waitAfterS: 41,
    });
    expect(preview.summary.gained).toBe(1);
  });

  it('is deterministic and lists each other contact at most once, with a summary that adds up', () => {
    const arbAction = arbQueueState
      .filter((state) => state.contacts.length > 0)
      .chain((state) =>
        fc.record({
          state: fc.constant(state),
          action: fc.oneof(
            fc
              .constantFrom(...state.contacts)
              .map((c): SupervisorAction => ({ kind: 'jump', contactId: c.id })),
            fc
              .tuple(fc.constantFrom(...state.contacts), fc.constantFrom(...state.agents))
              .map(([c, a]): SupervisorAction => ({ kind: 'reassign', contactId: c.id, agentId: a.id })),
            fc
              .tuple(fc.constantFrom(...state.contacts), fc.constantFrom(...state.queues))
              .map(([c, q]): SupervisorAction => ({ kind: 'move', contactId: c.id, queueId: q.id })),
          ),
        }),
      );
    fc.assert(
      fc.property(arbAction, ({ state, action }) => {
        const preview = previewImpact(state, action);
        expect(previewImpact(state, action)).toEqual(preview);
        expect(previewImpact(state, action, { before: forecastOffers(state) })).toEqual(preview);
        const ids = preview.affected.map((o) => o.contactId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain(action.contactId);
        const known = preview.affected.filter((o) => o.waitBeforeS !== null && o.waitAfterS !== null);
        const slips = known.map((o) => o.waitAfterS! - o.waitBeforeS!);
        expect(preview.summary.totalSlipS).toBe(slips.filter((s) => s > 0).reduce((a, b) => a + b, 0));
        expect(preview.summary.newBreaches).toBe(
          preview.affected.filter((o) => o.breachAfter && !o.breachBefore).length,
        );
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
