import { CHANNELS, type Channel } from '../../protocol/channels';
import { freeCapacity } from '../routing/capacity';
import { assessAgent, overflowLevelFor } from '../routing/eligibility';
import { LIVE_CHANNELS } from '../routing/plan';
import { compareForRouting, priorityOf, type RoutingOrderKey } from '../routing/priority';
import type { RoutingAgent, RoutingContact, RoutingQueue } from '../routing/types';
import { MinHeap } from './min-heap';
import type { ContactClass, ContactGroup, WaitingLine } from './waiting-line';

/**
 * Which waiting contacts a routing pass over a few agents could offer, found without ranking the
 * whole line. An agent given a contact C in a pass was free and eligible for every contact of C's
 * channel ranked above C that it is eligible for — so each of those was offered too, and there are
 * fewer than the free places on that channel. The `free` best-ranked contacts each agent is
 * eligible for therefore hold every contact the pass offers; the rest cannot change an offer.
 */

const OVERFLOW_LEVELS = [0, 1, 2] as const;

/** A group an agent may take contacts of, from an overflow level on. */
interface Reach {
  group: ContactGroup;
  queue: RoutingQueue;
  minLevel: number;
}

/**
 * The groups of a channel an agent may take, each with the lowest overflow level at which they
 * may (from the routing engine's own `assessAgent`), remembered: profiles and groups do not
 * change during a forecast.
 */
export class GroupEligibility {
  private readonly memo = new Map<string, Reach[]>();

  constructor(
    private readonly line: WaitingLine,
    private readonly queues: ReadonlyMap<string, RoutingQueue>,
  ) {}

  reachOf(agent: RoutingAgent, channel: Channel, at: number): readonly Reach[] {
    const key = `${agent.id}\u0000${channel}`;
    let reach = this.memo.get(key);
    if (!reach) {
      // Judged free and Available: state and capacity are the pass's to judge, at its moment.
      const free: RoutingAgent = { ...agent, state: 'available', holdings: [] };
      reach = this.line.groupsOf(channel).flatMap((group) => {
        const queue = this.queues.get(group.queueId);
        if (!queue) return [];
        // A queue that never overflows never reaches a level above 0.
        const levels = queue.routing.overflowAfterSeconds > 0 ? OVERFLOW_LEVELS : [0];
        const minLevel = levels.find((level) => assessAgent(free, group.sample, queue, level, at).eligible);
        return minLevel === undefined ? [] : [{ group, queue, minLevel }];
      });
      this.memo.set(key, reach);
    }
    return reach;
  }
}

interface Cursor {
  line: ContactClass;
  index: number;
  queue: RoutingQueue;
  minLevel: number;
  contact: RoutingContact;
  key: RoutingOrderKey;
}

export interface CandidateSearch {
  line: WaitingLine;
  queues: ReadonlyMap<string, RoutingQueue>;
  eligibility: GroupEligibility;
  isQueueOpen: (queueId: string) => boolean;
  at: number;
}

/** Every contact a pass over `agents` could offer (`free`: their free places per channel, together). */
export function passCandidates(
  search: CandidateSearch,
  agents: readonly RoutingAgent[],
  free: Readonly<Record<Channel, number>>,
): RoutingContact[] {
  const found = new Map<string, RoutingContact>();
  for (const agent of agents) {
    const own = freeCapacity(agent);
    for (const channel of CHANNELS) {
      if (own[channel] <= 0) continue;
      for (const contact of bestEligible(search, agent, channel, free[channel]))
        found.set(contact.id, contact);
    }
  }
  return [...found.values()];
}

/** The `limit` best-ranked waiting contacts of a channel the agent is eligible for (a k-way merge of classes). */
function bestEligible(
  search: CandidateSearch,
  agent: RoutingAgent,
  channel: Channel,
  limit: number,
): RoutingContact[] {
  const { line, at } = search;
  const cursorAt = (
    cls: ContactClass,
    from: number,
    queue: RoutingQueue,
    minLevel: number,
  ): Cursor | null => {
    const index = line.nextWaiting(cls, from);
    const contact = index < 0 ? undefined : cls.contacts[index];
    // Younger contacts of a class have no higher overflow level: past the first too low, none fits.
    if (!contact || overflowLevelFor(contact, queue, at) < minLevel) return null;
    const key = {
      id: contact.id,
      queuedAt: contact.queuedAt,
      jumpedAt: contact.jumpedAt,
      priority: priorityOf(contact, queue, at),
    };
    return { line: cls, index, queue, minLevel, contact, key };
  };
  const heap = new MinHeap<Cursor>((a, b) => compareForRouting(a.key, b.key));
  const isLive = LIVE_CHANNELS.includes(channel);
  for (const { group, queue, minLevel } of search.eligibility.reachOf(agent, channel, at)) {
    if (isLive && !search.isQueueOpen(queue.id)) continue;
    for (const cls of group.classes) {
      const cursor = cursorAt(cls, cls.head, queue, minLevel);
      if (cursor) heap.push(cursor);
    }
  }
  const best: RoutingContact[] = [];
  while (best.length < limit) {
    const top = heap.pop();
    if (!top) break;
    best.push(top.contact);
    const next = cursorAt(top.line, top.index + 1, top.queue, top.minLevel);
    if (next) heap.push(next);
  }
  return best;
}
