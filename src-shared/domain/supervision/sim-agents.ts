import { CHANNELS, type Channel } from '../../protocol/channels';
import { canTake, freeCapacity } from '../routing/capacity';
import type { Holding, RoutingAgent, RoutingContact } from '../routing/types';
import { handleMs, holdingsOf, type HeldContact, type QueueAgent, type QueueState } from './queue-state';

/**
 * Work that has run past its queue's average handle time is expected to take this share of the
 * average again: it is plainly a long one, and "any moment now" would free its agent too early.
 */
export const OVERDUE_REMAINING_SHARE = 0.25;

/** One contact an agent holds in the forecast, and when its place frees. */
interface SimWork {
  contact: RoutingContact;
  status: Holding['status'];
  releaseAt: number;
}

/**
 * An agent in the forecast: the routing engine's view (`routing`, what a pass reads) kept in step
 * with the work they are given and finish.
 */
export interface SimAgent {
  routing: RoutingAgent;
  work: SimWork[];
  /** Offline and Away agents stay so: the forecast does not guess when someone comes back. */
  readonly takesWork: boolean;
}

/**
 * When a held contact is expected to free its agent's place: its average handle time after the
 * agent got it, at least `OVERDUE_REMAINING_SHARE` of that average from now once overdue, and no
 * later than its deadline (the wrap-up maximum) when it has one.
 */
export function expectedReleaseAt(held: HeldContact, averageMs: number, now: number): number {
  const typical = held.since + averageMs;
  const expected = typical > now ? typical : now + averageMs * OVERDUE_REMAINING_SHARE;
  const deadline = held.endsBy ?? null;
  return deadline === null ? expected : Math.max(now, Math.min(expected, deadline));
}

export function toSimAgent(agent: QueueAgent, state: QueueState): SimAgent {
  const { work: held, ...profile } = agent;
  const work = held.map((h) => ({
    contact: h.contact,
    status: h.status,
    releaseAt: expectedReleaseAt(
      h,
      handleMs(state.handleTimes, h.contact.queueId, h.contact.channel),
      state.now,
    ),
  }));
  return {
    // The state as given until the agent's work changes: the first pass sees the floor as it is.
    routing: { ...profile, holdings: holdingsOf(work) },
    work,
    takesWork: agent.state !== 'offline' && agent.state !== 'away',
  };
}

/** Whether a routing pass could offer this agent anything now (working, with a free place). */
export function hasFreePlace(agent: SimAgent): boolean {
  return CHANNELS.some((channel) => canTake(agent.routing, channel));
}

/** Free places per channel over these agents: no pass can offer more contacts of a channel. */
export function freePlaces(agents: readonly SimAgent[]): Record<Channel, number> {
  const total = { phone: 0, email: 0, web: 0, chat: 0, callback: 0 } satisfies Record<Channel, number>;
  for (const agent of agents) {
    if (!agent.takesWork) continue;
    const free = freeCapacity(agent.routing);
    for (const channel of CHANNELS) total[channel] += free[channel];
  }
  return total;
}

/** Routing's state follows the work, as the server moves it: Wrap-up, Busy, or Available. */
function settle(agent: SimAgent): void {
  agent.routing.holdings = holdingsOf(agent.work);
  if (!agent.takesWork) return;
  const isWrappingUp = agent.work.some((w) => w.status === 'wrap_up');
  agent.routing.state = isWrappingUp ? 'wrap_up' : agent.work.length > 0 ? 'busy' : 'available';
}

/** The agent takes a contact; it frees their place at `releaseAt`. */
export function give(agent: SimAgent, contact: RoutingContact, releaseAt: number): void {
  agent.work.push({ contact, status: 'active', releaseAt });
  settle(agent);
}

/** The agent finishes a contact at `at`; with nothing left they are idle from then on. */
export function finish(agent: SimAgent, contactId: string, at: number): void {
  const left = agent.work.filter((w) => w.contact.id !== contactId);
  if (left.length === agent.work.length) return;
  agent.work = left;
  if (agent.work.length === 0) agent.routing.idleSince = at;
  settle(agent);
}
