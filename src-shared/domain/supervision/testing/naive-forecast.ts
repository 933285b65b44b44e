import { isOpen, nextOpening } from '../../routing/business-hours';
import { planRoutingPass } from '../../routing/plan';
import { handleMs, type QueueState } from '../queue-state';
import { finish, give, toSimAgent } from '../sim-agents';
import { DEFAULT_HORIZON_MS, type Placement } from '../simulate';

/**
 * The forecast without its shortcuts, to hold `forecastOffers` to: at every moment anything could
 * change (a place frees, an overflow level rises, a queue opens) one full routing pass over every
 * waiting contact and every agent.
 */
export function naiveForecast(state: QueueState, horizonMs = DEFAULT_HORIZON_MS): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  const agents = state.agents.map((a) => toSimAgent(a, state));
  const queues = new Map(state.queues.map((q) => [q.id, q]));
  let waiting = [...state.contacts];
  let at = state.now;
  for (;;) {
    for (const agent of agents) {
      for (const w of agent.work.filter((w) => w.releaseAt <= at)) finish(agent, w.contact.id, at);
    }
    const plan = planRoutingPass({
      contacts: waiting,
      queues: state.queues,
      agents: agents.map((a) => a.routing),
      now: at,
      isQueueOpen: (id) => {
        const queue = queues.get(id);
        return queue ? isOpen(queue.routing.businessHours, at) : false;
      },
    });
    for (const offer of plan.offers) {
      const contact = waiting.find((c) => c.id === offer.contactId)!;
      const agent = agents.find((a) => a.routing.id === offer.agentId)!;
      waiting = waiting.filter((c) => c.id !== contact.id);
      placements.set(contact.id, { at, agentId: agent.routing.id });
      give(agent, contact, at + handleMs(state.handleTimes, contact.queueId, contact.channel));
    }
    if (waiting.length === 0) break;
    const moments = [
      ...agents.flatMap((a) => a.work.map((w) => w.releaseAt)),
      ...waiting.flatMap((c) => {
        const after = (queues.get(c.queueId)?.routing.overflowAfterSeconds ?? 0) * 1000;
        return after > 0 ? [c.queuedAt + after, c.queuedAt + 2 * after] : [];
      }),
      ...state.queues.map((q) => nextOpening(q.routing.businessHours, at) ?? Infinity),
    ].filter((t) => t > at);
    const next = Math.min(...moments);
    if (!Number.isFinite(next) || next > state.now + horizonMs) break;
    at = next;
  }
  return placements;
}
