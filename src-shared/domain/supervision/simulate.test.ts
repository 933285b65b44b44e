import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withRouting } from '../routing/testing/routing-fixtures';
import { forecastOffers } from './simulate';
import { arbQueueState } from './testing/forecast-arbitraries';
import {
  heldContact,
  makeContact,
  makeQueue,
  makeQueueAgent,
  makeState,
  MINUTE,
  NOW,
  onlyChannel,
  SECOND,
} from './testing/forecast-fixtures';
import { naiveForecast } from './testing/naive-forecast';

const phoneAgent = (id: string, overrides = {}) =>
  makeQueueAgent({
    id,
    routing: { skills: [{ skillId: 'billing', proficiency: 3 }], capacity: onlyChannel('phone') },
    ...overrides,
  });
const offsets = (placements: ReturnType<typeof forecastOffers>) =>
  Object.fromEntries([...placements].map(([id, p]) => [id, { s: (p.at - NOW) / SECOND, agent: p.agentId }]));

describe('forecastOffers', () => {
  it('offers the free agent the higher-priority call now and the other when that call ends', () => {
    const low = makeContact({ id: 'low', queuedAt: NOW - 5 * SECOND });
    const critical = makeContact({ id: 'critical', impact: 'critical', urgency: 'critical' });
    const state = makeState({ agents: [phoneAgent('a1')], contacts: [low, critical] });
    expect(offsets(forecastOffers(state))).toEqual({
      critical: { s: 0, agent: 'a1' },
      low: { s: 100, agent: 'a1' },
    });
  });

  it('frees an agent after the handle time from when they got their call, or a quarter of it once overdue', () => {
    const onCall = phoneAgent('a1', { state: 'busy', work: [heldContact({ id: 'h1' }, NOW - 30 * SECOND)] });
    const overdue = phoneAgent('a2', {
      state: 'busy',
      work: [heldContact({ id: 'h2' }, NOW - 300 * SECOND)],
    });
    const contacts = [
      makeContact({ id: 'first', queuedAt: NOW - 10 * SECOND }),
      makeContact({ id: 'second' }),
    ];
    expect(offsets(forecastOffers(makeState({ agents: [onCall, overdue], contacts })))).toEqual({
      first: { s: 25, agent: 'a2' },
      second: { s: 70, agent: 'a1' },
    });
  });

  it('frees a wrap-up at its deadline when that comes before the handle time', () => {
    const wrapping = phoneAgent('a1', {
      state: 'wrap_up',
      work: [{ ...heldContact({ id: 'h1' }, NOW - 10 * SECOND, 'wrap_up'), endsBy: NOW + 40 * SECOND }],
    });
    const state = makeState({ agents: [wrapping], contacts: [makeContact({ id: 'call' })] });
    expect(offsets(forecastOffers(state))).toEqual({ call: { s: 40, agent: 'a1' } });
  });

  it('expects nothing from Away or Offline agents: the contact is not offered within the horizon', () => {
    const away = phoneAgent('a1', { state: 'away' });
    const offline = phoneAgent('a2', { state: 'offline' });
    const state = makeState({ agents: [away, offline], contacts: [makeContact({ id: 'call' })] });
    expect(forecastOffers(state).size).toBe(0);
  });

  it('holds calls of a closed queue until it opens, while its email is offered now', () => {
    // NOW is Monday 12:00 UTC; the queue opens at 13:00.
    const queue = withRouting(makeQueue(), {
      businessHours: { timeZone: 'UTC', weekly: [{ day: 1, open: '13:00', close: '17:00' }], holidays: [] },
    });
    const agent = makeQueueAgent({ id: 'a1' });
    const call = makeContact({ id: 'call' });
    const email = makeContact({ id: 'email', channel: 'email' });
    const state = makeState({ queues: [queue], agents: [agent], contacts: [call, email] });
    expect(offsets(forecastOffers(state))).toEqual({
      email: { s: 0, agent: 'a1' },
      call: { s: 3600, agent: 'a1' },
    });
  });

  it('lets an agent of another team take a contact once it reaches overflow level 2', () => {
    const queue = withRouting(makeQueue(), { overflowAfterSeconds: 60 });
    const otherTeam = phoneAgent('b1', { teamId: 't2' });
    const call = makeContact({ id: 'call', queuedAt: NOW - 30 * SECOND });
    const state = makeState({ queues: [queue], agents: [otherTeam], contacts: [call] });
    expect(offsets(forecastOffers(state))).toEqual({ call: { s: 90, agent: 'b1' } });
  });

  it('offers a contact a supervisor jumped ahead first, whatever its priority', () => {
    const critical = makeContact({ id: 'critical', impact: 'critical', urgency: 'critical' });
    const jumped = makeContact({ id: 'jumped', jumpedAt: NOW - SECOND });
    const state = makeState({ agents: [phoneAgent('a1')], contacts: [critical, jumped] });
    expect(offsets(forecastOffers(state))).toEqual({
      jumped: { s: 0, agent: 'a1' },
      critical: { s: 100, agent: 'a1' },
    });
  });

  it('looks only as far as the horizon', () => {
    const calls = ['c1', 'c2', 'c3'].map((id, n) => makeContact({ id, queuedAt: NOW - (3 - n) * SECOND }));
    const state = makeState({ agents: [phoneAgent('a1')], contacts: calls });
    expect([...forecastOffers(state, { horizonMs: 150 * SECOND }).keys()]).toEqual(['c1', 'c2']);
  });

  it('places a probe when it would be offered, without taking anyone’s place', () => {
    const calls = ['c1', 'c2'].map((id, n) => makeContact({ id, queuedAt: NOW - (20 - n) * SECOND }));
    const state = makeState({ agents: [phoneAgent('a1')], contacts: calls });
    const probe = makeContact({ id: 'probe', impact: 'critical', urgency: 'critical' });
    expect(offsets(forecastOffers(state, { probes: [probe] }))).toEqual({
      probe: { s: 0, agent: 'a1' },
      c1: { s: 0, agent: 'a1' },
      c2: { s: 100, agent: 'a1' },
    });
    expect([...forecastOffers(state, { probes: [probe], untilProbesPlaced: true }).keys()]).toEqual([
      'probe',
      'c1',
    ]);
  });

  it('uses the queue and channel handle time where history gives one', () => {
    const calls = [makeContact({ id: 'c1', queuedAt: NOW - SECOND }), makeContact({ id: 'c2' })];
    const state = makeState({ agents: [phoneAgent('a1')], contacts: calls });
    const times = { ...state.handleTimes, byQueue: { q1: { phone: (7 * MINUTE) / SECOND } } };
    expect(offsets(forecastOffers({ ...state, handleTimes: times })).c2).toEqual({ s: 420, agent: 'a1' });
  });
});

describe('forecastOffers (properties over random floors)', () => {
  it('offers exactly what a full routing pass at every moment would (its shortcuts change nothing)', () => {
    fc.assert(
      fc.property(arbQueueState, (state) => {
        expect(forecastOffers(state)).toEqual(naiveForecast(state));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('is deterministic, whatever the order of contacts and agents', () => {
    const arbShuffled = arbQueueState.chain((state) =>
      fc.record({
        state: fc.constant(state),
        contacts: fc.shuffledSubarray(state.contacts, { minLength: state.contacts.length }),
        agents: fc.shuffledSubarray(state.agents, { minLength: state.agents.length }),
      }),
    );
    fc.assert(
      fc.property(arbShuffled, ({ state, contacts, agents }) => {
        const first = forecastOffers(state);
        expect(forecastOffers(state)).toEqual(first);
        const shuffled = forecastOffers({ ...state, contacts, agents });
        expect(new Map([...shuffled].sort())).toEqual(new Map([...first].sort()));
      }),
    );
  }, 30_000);

  it('forecasts the real contacts alike with or without probes', () => {
    const arbProbed = arbQueueState.chain((state) =>
      fc.record({
        state: fc.constant(state),
        probes: fc
          .subarray(state.contacts)
          .map((picked) => picked.map((c) => ({ ...c, id: `probe-${c.id}`, queuedAt: NOW, jumpedAt: null }))),
      }),
    );
    fc.assert(
      fc.property(arbProbed, ({ state, probes }) => {
        const probed = forecastOffers(state, { probes });
        const real = new Map([...probed].filter(([id]) => !id.startsWith('probe-')));
        expect(real).toEqual(forecastOffers(state));
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('offers each contact at most once, never before now, and only to agents who take work', () => {
    fc.assert(
      fc.property(arbQueueState, (state) => {
        const ids = new Set(state.contacts.map((c) => c.id));
        for (const [contactId, placement] of forecastOffers(state)) {
          expect(ids.has(contactId)).toBe(true);
          expect(placement.at).toBeGreaterThanOrEqual(NOW);
          const agent = state.agents.find((a) => a.id === placement.agentId)!;
          expect(['offline', 'away']).not.toContain(agent.state);
        }
      }),
    );
  }, 30_000);
});
