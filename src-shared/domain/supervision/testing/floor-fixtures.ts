import fc from 'fast-check';
import { CHANNELS } from '../../../protocol/channels';
import { AGENT_STATES, AWAY_REASONS } from '../../../protocol/entities';
import { makeQueue, NOW, SECOND } from '../../routing/testing/routing-fixtures';
import type { Floor, FloorAgent, FloorContact, FloorWork } from '../floor';

export { makeQueue, MINUTE, NOW, SECOND } from '../../routing/testing/routing-fixtures';

/** An Available agent of team t1, in that state for a minute, holding nothing. */
export function floorAgent(overrides: Partial<FloorAgent> = {}): FloorAgent {
  return {
    id: 'a1',
    teamId: 't1',
    state: 'available',
    reasonCode: null,
    stateSince: NOW - 60 * SECOND,
    missedOffers: 0,
    work: [],
    ...overrides,
  };
}

/** A phone call of queue q1 waiting for `waitedSeconds`. */
export function waitingContact(
  id: string,
  waitedSeconds: number,
  overrides: Partial<FloorContact> = {},
): FloorContact {
  return { id, queueId: 'q1', channel: 'phone', queuedAt: NOW - waitedSeconds * SECOND, ...overrides };
}

/** A call of queue q1 the agent got `secondsAgo`, in `status` since then. */
export function floorWork(
  contactId: string,
  secondsAgo: number,
  status: FloorWork['status'] = 'active',
): FloorWork {
  const since = NOW - secondsAgo * SECOND;
  return { contactId, queueId: 'q1', channel: 'phone', status, since, statusSince: since };
}

/** Queue q1 of the routing fixtures (team t1, phone target 20 s, wrap-up maximum 120 s), at NOW. */
export function makeFloor(overrides: Partial<Floor> = {}): Floor {
  return { now: NOW, queues: [makeQueue()], agents: [], waiting: [], ...overrides };
}

/** A random floor: up to 3 queues, 5 agents in any state with work, 8 contacts waiting. */
export const arbFloor: fc.Arbitrary<Floor> = fc
  .record({
    queues: fc.array(
      fc.record({
        teamId: fc.constantFrom('t1', 't2'),
        phoneTarget: fc.option(fc.integer({ min: 5, max: 300 })),
        wrapUpMaxSeconds: fc.integer({ min: 0, max: 300 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    agents: fc.array(
      fc.record({
        teamId: fc.constantFrom<string | null>('t1', 't2', null),
        state: fc.constantFrom(...AGENT_STATES),
        reason: fc.constantFrom(...AWAY_REASONS, 'unknown-code'),
        inStateSeconds: fc.integer({ min: 0, max: 4 * 3600 }),
        missedOffers: fc.integer({ min: 0, max: 3 }),
        work: fc.array(
          fc.record({
            queueIndex: fc.nat(),
            status: fc.constantFrom('offered' as const, 'active' as const, 'wrap_up' as const),
            secondsAgo: fc.integer({ min: 0, max: 900 }),
          }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 5 },
    ),
    waiting: fc.array(
      fc.record({
        queueIndex: fc.nat(),
        channel: fc.constantFrom(...CHANNELS),
        waitedSeconds: fc.integer({ min: 0, max: 10 * 3600 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ queues, agents, waiting }): Floor => {
    const queueIds = queues.map((_, n) => `q${n}`);
    const queueAt = (index: number) => queueIds[index % queueIds.length]!;
    return {
      now: NOW,
      queues: queues.map((q, n) => {
        const base = makeQueue({ id: queueIds[n]!, teamId: q.teamId });
        const serviceLevels =
          q.phoneTarget === null ? {} : { phone: { seconds: q.phoneTarget, percent: 80 } };
        return { ...base, routing: { ...base.routing, serviceLevels, wrapUpMaxSeconds: q.wrapUpMaxSeconds } };
      }),
      agents: agents.map((a, n) => ({
        id: `a${n}`,
        teamId: a.teamId,
        state: a.state,
        reasonCode: a.state === 'away' ? a.reason : null,
        stateSince: NOW - a.inStateSeconds * SECOND,
        missedOffers: a.missedOffers,
        work: a.work.map((w, k) => ({
          ...floorWork(`h${n}-${k}`, w.secondsAgo, w.status),
          queueId: queueAt(w.queueIndex),
        })),
      })),
      waiting: waiting.map((w, n) => ({
        ...waitingContact(`c${n}`, w.waitedSeconds, { channel: w.channel }),
        queueId: queueAt(w.queueIndex),
      })),
    };
  });
