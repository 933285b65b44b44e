import type { Channel } from '../../protocol/channels';
import type { RoutingReason } from '../../protocol/contacts';
import { chooseAgent } from './choose-agent';
import { assessAgent, overflowLevelFor } from './eligibility';
import { compareForRouting, priorityOf, priorityWithThreshold } from './priority';
import type { PlannedWait, Priority, RoutingAgent, RoutingContact, RoutingPlan, RoutingQueue } from './types';

/** What one routing pass looks at. */
export interface RoutingPassInput {
  /** The queued contacts (status `queued`) of every queue in the pass. */
  contacts: RoutingContact[];
  queues: RoutingQueue[];
  agents: RoutingAgent[];
  now: number;
  /** Whether a queue is within its business hours now; every queue is open when absent. */
  isQueueOpen?: (queueId: string) => boolean;
}

/** Channels with a customer waiting live: outside business hours they are not offered. */
export const LIVE_CHANNELS: readonly Channel[] = ['phone', 'callback', 'chat'];

interface Entry {
  id: string;
  queuedAt: number;
  priority: Priority;
  contact: RoutingContact;
  queue: RoutingQueue | undefined;
}

function orderContacts(input: RoutingPassInput): Entry[] {
  const queues = new Map(input.queues.map((queue) => [queue.id, queue]));
  return input.contacts
    .map((contact): Entry => {
      const queue = queues.get(contact.queueId);
      const priority = queue
        ? priorityOf(contact, queue, input.now)
        : priorityWithThreshold(contact, undefined, input.now);
      return { id: contact.id, queuedAt: contact.queuedAt, priority, contact, queue };
    })
    .sort(compareForRouting);
}

function waitWithout(entry: Entry, overflowLevel: number, reasons: RoutingReason[]): PlannedWait {
  return { contactId: entry.id, priority: entry.priority, overflowLevel, candidates: [], reasons };
}

/** The agents as a pass sees them: copies whose holdings grow with each planned offer. */
class PassAgents {
  readonly all: RoutingAgent[];
  private readonly before: Map<string, RoutingAgent>;
  private readonly takenIds = new Set<string>();

  constructor(agents: RoutingAgent[]) {
    this.all = agents.map((agent) => ({ ...agent, holdings: [...agent.holdings] }));
    this.before = new Map(agents.map((agent) => [agent.id, agent]));
  }

  /** Counts a planned offer against the agent's capacity for the rest of the pass. */
  hold(agentId: string, contact: RoutingContact): void {
    const agent = this.all.find((candidate) => candidate.id === agentId);
    agent?.holdings.push({ channel: contact.channel, status: 'offered', count: 1 });
    this.takenIds.add(agentId);
  }

  /** Whether an agent given work earlier in this pass could have taken this contact before that. */
  wasTakenFrom(contact: RoutingContact, queue: RoutingQueue, overflowLevel: number, now: number): boolean {
    return [...this.takenIds].some((agentId) => {
      const agent = this.before.get(agentId);
      return agent !== undefined && assessAgent(agent, contact, queue, overflowLevel, now).eligible;
    });
  }
}

/**
 * One routing pass: orders the queued contacts by priority (`compareForRouting`) and offers each,
 * in turn, to the agent `chooseAgent` picks, counting earlier offers of the pass against
 * capacity. Live channels (phone, callback, chat) of a closed queue wait with `queue_closed`;
 * email and web are offered at any hour. Deterministic for the same input.
 */
export function planRoutingPass(input: RoutingPassInput): RoutingPlan {
  const { now, isQueueOpen = () => true } = input;
  const agents = new PassAgents(input.agents);
  const plan: RoutingPlan = { offers: [], waits: [] };
  for (const entry of orderContacts(input)) {
    const { contact, queue } = entry;
    if (!queue) {
      plan.waits.push(waitWithout(entry, 0, ['no_eligible_agent']));
      continue;
    }
    const overflowLevel = overflowLevelFor(contact, queue, now);
    if (LIVE_CHANNELS.includes(contact.channel) && !isQueueOpen(queue.id)) {
      plan.waits.push(waitWithout(entry, overflowLevel, ['queue_closed']));
      continue;
    }
    const choice = chooseAgent(contact, queue, agents.all, now);
    const base = { contactId: entry.id, priority: entry.priority, overflowLevel: choice.overflowLevel };
    if (choice.agentId !== null) {
      agents.hold(choice.agentId, contact);
      plan.offers.push({
        ...base,
        agentId: choice.agentId,
        candidates: choice.candidates,
        reasons: choice.reasons,
      });
      continue;
    }
    const isBehind = agents.wasTakenFrom(contact, queue, choice.overflowLevel, now);
    const reasons: RoutingReason[] = isBehind
      ? [...choice.reasons, 'waiting_behind_higher_priority']
      : choice.reasons;
    plan.waits.push({ ...base, candidates: choice.candidates, reasons });
  }
  return plan;
}
