import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withRouting } from '../routing/testing/routing-fixtures';
import { CHANNELS } from '../../protocol/channels';
import { LEVELS } from '../../protocol/contacts';
import { expectedWaitForNext, expectedWaitsForNext } from './next-wait';
import { naiveForecast } from './testing/naive-forecast';
import { arbQueueState } from './testing/forecast-arbitraries';
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
const nextCall = { queueId: 'q1', channel: 'phone' } as const;

describe('expectedWaitForNext', () => {
  it('is 0 with an agent free to take it', () => {
    expect(expectedWaitForNext(makeState({ agents: [phoneAgent('a1')] }), nextCall)).toBe(0);
  });

  it('waits for the first agent to finish their call', () => {
    const busy = phoneAgent('a1', { state: 'busy', work: [heldContact({ id: 'h' }, NOW - 30 * SECOND)] });
    expect(expectedWaitForNext(makeState({ agents: [busy] }), nextCall)).toBe(70);
  });

  it('waits behind the calls that rank above it, and passes those that rank below', () => {
    const ahead = ['c1', 'c2'].map((id) => makeContact({ id, queuedAt: NOW - 10 * SECOND }));
    const state = makeState({ agents: [phoneAgent('a1')], contacts: ahead });
    // Medium × medium (the default) overtakes the second low call once both are past the target.
    expect(expectedWaitForNext(state, nextCall)).toBe(100);
    expect(expectedWaitForNext(state, { ...nextCall, impact: 'low', urgency: 'low' })).toBe(200);
    expect(expectedWaitForNext(state, { ...nextCall, impact: 'critical', urgency: 'critical' })).toBe(0);
  });

  it('waits for a closed queue to open on a live channel, not for an email', () => {
    // NOW is Monday 12:00 UTC; the queue opens at 12:30.
    const queue = withRouting(makeQueue(), {
      businessHours: { timeZone: 'UTC', weekly: [{ day: 1, open: '12:30', close: '17:00' }], holidays: [] },
    });
    const state = makeState({ queues: [queue], agents: [makeQueueAgent({ id: 'a1' })] });
    expect(expectedWaitForNext(state, nextCall)).toBe(1800);
    expect(expectedWaitForNext(state, { queueId: 'q1', channel: 'email' })).toBe(0);
  });

  it('has no expected wait when nobody can take it, or the queue is unknown or does not take the channel', () => {
    const away = makeState({ agents: [phoneAgent('a1', { state: 'away' })] });
    expect(expectedWaitForNext(away, nextCall)).toBeNull();
    const state = makeState({ agents: [phoneAgent('a1')] });
    expect(expectedWaitForNext(state, { queueId: 'nope', channel: 'phone' })).toBeNull();
    const phoneOnly = { ...state, queues: [makeQueue({ channels: ['phone'] })] };
    expect(expectedWaitForNext(phoneOnly, { queueId: 'q1', channel: 'chat' })).toBeNull();
  });

  it('gives each of several arrivals the wait it would have had arriving alone (property)', () => {
    const arbAsk = arbQueueState.chain((state) =>
      fc.record({
        state: fc.constant(state),
        next: fc.array(
          fc.record({
            queueId: fc.constantFrom(...state.queues.map((q) => q.id), 'unknown'),
            channel: fc.constantFrom(...CHANNELS),
            impact: fc.constantFrom(...LEVELS),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    );
    fc.assert(
      fc.property(arbAsk, ({ state, next }) => {
        const alone = next.map((n) => {
          const queue = state.queues.find((q) => q.id === n.queueId);
          if (!queue) return null;
          const arrival = makeContact({ id: 'arrival', ...n, language: queue.language, urgency: 'medium' });
          const placement = naiveForecast({ ...state, contacts: [...state.contacts, arrival] }).get(
            'arrival',
          );
          return placement ? Math.round((placement.at - NOW) / 1000) : null;
        });
        expect(expectedWaitsForNext(state, next)).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('is a whole number of seconds or null, the same every time (properties)', () => {
    const arbAsk = arbQueueState.chain((state) =>
      fc.record({
        state: fc.constant(state),
        queueId: fc.constantFrom(...state.queues.map((q) => q.id)),
        channel: fc.constantFrom('phone' as const, 'email' as const, 'chat' as const),
      }),
    );
    fc.assert(
      fc.property(arbAsk, ({ state, queueId, channel }) => {
        const wait = expectedWaitForNext(state, { queueId, channel });
        if (wait !== null) {
          expect(Number.isInteger(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(0);
        }
        expect(expectedWaitForNext(state, { queueId, channel })).toBe(wait);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
