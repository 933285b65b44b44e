import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS as settings } from '../../protocol/supervision';
import { alertChanges, evaluateAlerts } from './alerts';
import {
  arbFloor,
  floorAgent,
  floorWork,
  makeFloor,
  NOW,
  SECOND,
  waitingContact,
} from './testing/floor-fixtures';
import type { Floor, FloorWork } from './floor';

const openOf = (floor: Floor) => evaluateAlerts(floor, settings).open;
/** Someone of the team is signed in: "nobody logged in" stays out of the way. */
const staffed = (overrides: Partial<Floor>) => makeFloor({ agents: [floorAgent()], ...overrides });
const keysOf = (floor: Floor) => openOf(floor).map((c) => c.key);

describe('evaluateAlerts: queues', () => {
  it('raises "nobody logged in" while contacts wait and nobody of the team is signed in', () => {
    const waiting = [waitingContact('c1', 5)];
    const floor = makeFloor({
      waiting,
      agents: [floorAgent({ state: 'offline' }), floorAgent({ id: 'b', teamId: 't2' })],
    });
    expect(openOf(floor)).toContainEqual({
      key: 'q1:nobody_logged_in',
      kind: 'nobody_logged_in',
      severity: 'critical',
      subject: { kind: 'queue', id: 'q1' },
      since: null,
      facts: { waiting: 1 },
    });
    const away = makeFloor({ waiting, agents: [floorAgent({ state: 'away', reasonCode: 'lunch' })] });
    expect(keysOf(away)).not.toContain('q1:nobody_logged_in');
    expect(keysOf(makeFloor({ agents: [floorAgent({ state: 'offline' })] }))).toEqual([]);
  });

  it('raises "SLA at risk" once a contact has waited the set share of its threshold, and says when it will', () => {
    // Phone target 20 s, share 0.8: at risk from 16 s.
    const early = evaluateAlerts(staffed({ waiting: [waitingContact('c1', 10)] }), settings);
    expect(early.open).toEqual([]);
    expect(early.upcoming).toContainEqual({
      key: 'q1:sla_at_risk',
      kind: 'sla_at_risk',
      subject: { kind: 'queue', id: 'q1' },
      dueAt: NOW + 6 * SECOND,
    });
    const late = openOf(staffed({ waiting: [waitingContact('c1', 17), waitingContact('c2', 25)] }));
    expect(late.find((c) => c.kind === 'sla_at_risk')).toMatchObject({
      severity: 'warning',
      since: NOW - 9 * SECOND,
      facts: { atRisk: 2, breached: 1, waiting: 2 },
    });
  });

  it('judges an email against the channel default (4 h) when the queue sets no target for it', () => {
    const email = (waited: number) => waitingContact('e1', waited, { channel: 'email' });
    expect(keysOf(staffed({ waiting: [email(3 * 3600)] }))).not.toContain('q1:sla_at_risk');
    expect(keysOf(staffed({ waiting: [email(3.3 * 3600)] }))).toContain('q1:sla_at_risk');
  });

  it('raises "long wait" past the channel limit, with the longest wait', () => {
    const floor = makeFloor({ waiting: [waitingContact('c1', 130), waitingContact('c2', 200)] });
    expect(openOf(floor).find((c) => c.kind === 'long_wait')).toMatchObject({
      since: NOW - 80 * SECOND,
      facts: { longestWaitS: 200, overLimit: 2 },
    });
    const noLimit = { ...settings, longWaitSeconds: {} };
    expect(evaluateAlerts(floor, noLimit).open.map((c) => c.kind)).not.toContain('long_wait');
  });
});

describe('evaluateAlerts: agents', () => {
  it('raises "wrap-up overrun" past the queue maximum plus the grace, and says when it will', () => {
    // Maximum 120 s + grace 30 s.
    const wrapping = (ago: number) =>
      floorAgent({ state: 'wrap_up', work: [floorWork('w1', ago, 'wrap_up')] });
    const soon = evaluateAlerts(makeFloor({ agents: [wrapping(100)] }), settings);
    expect(soon.open).toEqual([]);
    expect(soon.nextDueAt).toBe(NOW + 50 * SECOND);
    expect(openOf(makeFloor({ agents: [wrapping(200)] }))).toContainEqual(
      expect.objectContaining({ key: 'a1:wrap_up_overrun', severity: 'info', facts: { overS: 50 } }),
    );
  });

  it('raises "away over limit" per reason, never for a reason without one', () => {
    const away = (reasonCode: string, minutes: number) =>
      floorAgent({ state: 'away', reasonCode, stateSince: NOW - minutes * 60 * SECOND });
    expect(evaluateAlerts(makeFloor({ agents: [away('lunch', 30)] }), settings).nextDueAt).toBe(
      NOW + 30 * 60 * SECOND,
    );
    expect(openOf(makeFloor({ agents: [away('lunch', 61)] }))).toContainEqual(
      expect.objectContaining({ key: 'a1:away_over_limit', facts: { awayS: 61 * 60, limitS: 3600 } }),
    );
    expect(keysOf(makeFloor({ agents: [away('break', 16)] }))).toEqual(['a1:away_over_limit']);
    expect(evaluateAlerts(makeFloor({ agents: [away('not-a-reason', 600)] }), settings).open).toEqual([]);
  });

  it('raises "missed offers" for an agent set Away "missed" or past the threshold in a row', () => {
    const pulled = floorAgent({ state: 'away', reasonCode: 'missed', missedOffers: 0 });
    expect(keysOf(makeFloor({ agents: [pulled] }))).toEqual(['a1:missed_offers']);
    expect(keysOf(makeFloor({ agents: [floorAgent({ missedOffers: 2 })] }))).toEqual(['a1:missed_offers']);
    expect(keysOf(makeFloor({ agents: [floorAgent({ missedOffers: 1 })] }))).toEqual([]);
  });

  it('raises "disconnected on a call" naming the live call of an agent whose console is gone, and only then', () => {
    const gone = (work: FloorWork[], reasonCode = 'disconnected') =>
      floorAgent({ state: 'offline', reasonCode, stateSince: NOW - 5 * SECOND, work });
    expect(openOf(makeFloor({ agents: [gone([floorWork('c1', 120)])] }))).toContainEqual({
      key: 'a1:disconnected_on_call',
      kind: 'disconnected_on_call',
      severity: 'critical',
      subject: { kind: 'agent', id: 'a1' },
      since: NOW - 5 * SECOND,
      facts: {},
      contactId: 'c1',
    });
    // The call ended (wrap-up), the work is not a call, the agent signed out themselves, or is back.
    const email = { ...floorWork('e1', 60), channel: 'email' as const };
    expect(keysOf(makeFloor({ agents: [gone([floorWork('c1', 120, 'wrap_up')])] }))).toEqual([]);
    expect(keysOf(makeFloor({ agents: [gone([email])] }))).toEqual([]);
    expect(keysOf(makeFloor({ agents: [gone([floorWork('c1', 120)], 'end_of_shift')] }))).toEqual([]);
    const back = floorAgent({ state: 'busy', work: [floorWork('c1', 120)] });
    expect(keysOf(makeFloor({ agents: [back] }))).toEqual([]);
  });
});

describe('alertChanges', () => {
  it('raises what is new, clears what is gone, keeps what is still open', () => {
    const evaluation = evaluateAlerts(makeFloor({ waiting: [waitingContact('c1', 30)] }), settings);
    expect(evaluation.open.map((c) => c.key)).toEqual(['q1:nobody_logged_in', 'q1:sla_at_risk']);
    const changes = alertChanges(['q1:sla_at_risk', 'a9:missed_offers'], evaluation);
    expect(changes.raise.map((c) => c.key)).toEqual(['q1:nobody_logged_in']);
    expect(changes.clear).toEqual(['a9:missed_offers']);
  });
});

describe('evaluateAlerts (properties over random floors)', () => {
  it('holds each upcoming condition exactly from its deadline on, if nothing else changes', () => {
    fc.assert(
      fc.property(arbFloor, (floor) => {
        const { open, upcoming, nextDueAt } = evaluateAlerts(floor, settings);
        expect(nextDueAt).toBe(upcoming.length ? Math.min(...upcoming.map((d) => d.dueAt)) : null);
        for (const deadline of upcoming) {
          expect(deadline.dueAt).toBeGreaterThan(floor.now);
          expect(open.map((c) => c.key)).not.toContain(deadline.key);
          expect(keysOf({ ...floor, now: deadline.dueAt - 1 })).not.toContain(deadline.key);
          expect(keysOf({ ...floor, now: deadline.dueAt })).toContain(deadline.key);
        }
      }),
    );
  });

  it('keys each condition once, and applying the changes leaves nothing to change', () => {
    fc.assert(
      fc.property(arbFloor, fc.array(fc.string(), { maxLength: 3 }), (floor, stale) => {
        const evaluation = evaluateAlerts(floor, settings);
        const keys = evaluation.open.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
        const first = alertChanges([...keys.slice(1), ...stale], evaluation);
        const after = new Set([...keys.slice(1), ...stale].filter((k) => !first.clear.includes(k)));
        for (const c of first.raise) after.add(c.key);
        expect(alertChanges(after, evaluation)).toEqual({ raise: [], clear: [] });
        expect(evaluateAlerts(floor, settings)).toEqual(evaluation);
      }),
    );
  });
});
