import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen } from '../routing/business-hours';
import { planRoutingPass } from '../routing/plan';
import { GroupEligibility, passCandidates } from './pass-candidates';
import { freePlaces, hasFreePlace, toSimAgent } from './sim-agents';
import { arbQueueState } from './testing/forecast-arbitraries';
import { WaitingLine } from './waiting-line';

describe('passCandidates (property over random floors)', () => {
  it('holds every contact a routing pass over those agents offers, so the pass offers the same', () => {
    const arbPass = arbQueueState.chain((state) =>
      fc.record({
        state: fc.constant(state),
        picked: fc.subarray(
          state.agents.map((a) => a.id),
          { minLength: 1 },
        ),
      }),
    );
    fc.assert(
      fc.property(arbPass, ({ state, picked }) => {
        const queues = new Map(state.queues.map((q) => [q.id, q]));
        const isQueueOpen = (id: string) => isOpen(queues.get(id)!.routing.businessHours, state.now);
        const agents = state.agents
          .filter((a) => picked.includes(a.id))
          .map((a) => toSimAgent(a, state))
          .filter(hasFreePlace);
        const line = new WaitingLine(state.contacts);
        const search = {
          line,
          queues,
          eligibility: new GroupEligibility(line, queues),
          isQueueOpen,
          at: state.now,
        };
        const candidates = passCandidates(
          search,
          agents.map((a) => a.routing),
          freePlaces(agents),
        );
        const pass = (contacts: typeof candidates) =>
          planRoutingPass({
            contacts,
            queues: state.queues,
            agents: agents.map((a) => a.routing),
            now: state.now,
            isQueueOpen,
          }).offers.map((o) => [o.contactId, o.agentId]);
        const full = pass(state.contacts);
        for (const [contactId] of full) expect(candidates.map((c) => c.id)).toContain(contactId);
        expect(pass(candidates)).toEqual(full);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
