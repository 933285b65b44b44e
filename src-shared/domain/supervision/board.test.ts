import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentFigures, occupancy, queueFigures } from './board';
import {
  arbFloor,
  floorAgent,
  floorWork,
  makeFloor,
  makeQueue,
  NOW,
  SECOND,
  waitingContact,
} from './testing/floor-fixtures';

const HOUR = 3600 * SECOND;

describe('queueFigures', () => {
  it('counts waiting by channel, the longest wait, and the team’s agents by state', () => {
    const floor = makeFloor({
      queues: [makeQueue(), makeQueue({ id: 'q2', teamId: 't2' })],
      waiting: [
        waitingContact('c1', 30),
        waitingContact('c2', 95, { channel: 'email' }),
        waitingContact('c3', 10, { channel: 'email' }),
        waitingContact('c4', 5, { queueId: 'q2', channel: 'chat' }),
        waitingContact('c5', 500, { queueId: 'gone' }),
      ],
      agents: [
        floorAgent({ id: 'a1' }),
        floorAgent({ id: 'a2', state: 'busy' }),
        floorAgent({ id: 'a3', state: 'wrap_up' }),
        floorAgent({ id: 'a4', state: 'away', reasonCode: 'lunch' }),
        floorAgent({ id: 'a5', state: 'offline' }),
        floorAgent({ id: 'b1', teamId: 't2', state: 'busy' }),
        floorAgent({ id: 'x1', teamId: null }),
      ],
    });
    const [q1, q2] = queueFigures(floor);
    expect(q1).toEqual({
      queueId: 'q1',
      waiting: 3,
      waitingByChannel: { phone: 1, email: 2, web: 0, chat: 0, callback: 0 },
      longestWaitS: 95,
      oldestQueuedAt: NOW - 95 * SECOND,
      staff: { signedIn: 4, available: 1, busy: 1, wrapUp: 1, away: 1 },
    });
    expect(q2).toMatchObject({ waiting: 1, longestWaitS: 5, staff: { signedIn: 1, busy: 1 } });
  });

  it('shows no longest wait for an empty queue', () => {
    expect(queueFigures(makeFloor())[0]).toMatchObject({
      waiting: 0,
      longestWaitS: null,
      oldestQueuedAt: null,
    });
  });

  it('adds up: every waiting contact of a known queue counted once, every signed-in agent in one state (properties)', () => {
    fc.assert(
      fc.property(arbFloor, (floor) => {
        const lines = queueFigures(floor);
        const known = new Set(floor.queues.map((q) => q.id));
        const total = lines.reduce((sum, line) => sum + line.waiting, 0);
        expect(total).toBe(floor.waiting.filter((c) => known.has(c.queueId)).length);
        for (const line of lines) {
          const byChannel = Object.values(line.waitingByChannel).reduce((a, b) => a + b, 0);
          expect(byChannel).toBe(line.waiting);
          const { signedIn, available, busy, wrapUp, away } = line.staff;
          expect(signedIn).toBe(available + busy + wrapUp + away);
          expect(line.longestWaitS === null).toBe(line.waiting === 0);
        }
      }),
    );
  });
});

describe('agentFigures and occupancy', () => {
  it('gives time in state, current work oldest first with how long it is held, and missed offers', () => {
    const agent = floorAgent({
      state: 'busy',
      stateSince: NOW - 90 * SECOND,
      missedOffers: 1,
      work: [floorWork('chat2', 30), floorWork('call1', 80)],
    });
    expect(agentFigures(agent, NOW)).toEqual({
      agentId: 'a1',
      state: 'busy',
      reasonCode: null,
      timeInStateS: 90,
      missedOffers: 1,
      work: [
        { contactId: 'call1', queueId: 'q1', channel: 'phone', status: 'active', heldS: 80 },
        { contactId: 'chat2', queueId: 'q1', channel: 'phone', status: 'active', heldS: 30 },
      ],
      occupancy: null,
    });
  });

  it('is time on work over time signed in and not Away, the current state counted up to now', () => {
    const day = { dayStart: NOW - 8 * HOUR, durations: { available: 2 * HOUR, busy: 3 * HOUR, away: HOUR } };
    // Busy for the last hour: on work 3 + 1 h of 2 + 3 + 1 h present (Away left out).
    const busy = { state: 'busy' as const, stateSince: NOW - HOUR };
    expect(occupancy(day, busy, NOW)).toBeCloseTo(4 / 6);
    // In state since before the day began: only today's part counts.
    const wrapUp = { state: 'wrap_up' as const, stateSince: NOW - 30 * HOUR };
    expect(occupancy({ dayStart: NOW - HOUR, durations: {} }, wrapUp, NOW)).toBe(1);
    expect(
      occupancy(
        { dayStart: NOW - HOUR, durations: { away: HOUR } },
        { state: 'offline', stateSince: NOW },
        NOW,
      ),
    ).toBeNull();
    // Available for the last minute: on work 3 h of 2 h + 3 h + 1 min present.
    expect(agentFigures(floorAgent(), NOW, day).occupancy).toBeCloseTo((3 * HOUR) / (5 * HOUR + 60 * SECOND));
  });

  it('is a share between 0 and 1 whatever the day (property)', () => {
    const arbMs = fc.integer({ min: 0, max: 12 * HOUR });
    fc.assert(
      fc.property(
        fc.record({ available: arbMs, busy: arbMs, wrap_up: arbMs, away: arbMs, offline: arbMs }),
        fc.constantFrom(
          'offline' as const,
          'available' as const,
          'busy' as const,
          'wrap_up' as const,
          'away' as const,
        ),
        arbMs,
        (durations, state, inState) => {
          const share = occupancy(
            { dayStart: NOW - 12 * HOUR, durations },
            { state, stateSince: NOW - inState },
            NOW,
          );
          if (share !== null) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
