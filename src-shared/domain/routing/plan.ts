import type { Channel } from '../../protocol/channels';
import type { RoutingCandidate, RoutingReason } from '../../protocol/contacts';
import { chooseAgent, type Assess } from './choose-agent';
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
  /** Candidates kept per offer or wait, best first (all when absent). */
  candidateLimit?: number;
}

/** Channels with a customer waiting live: outside business hours they are not offered. */
export const LIVE_CHANNELS: readonly Channel[] = ['phone', 'callback', 'chat'];

interface Entry {
  id: string;
  queuedAt: number;
  jumpedAt: number | null;
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
      const jumpedAt = contact.jumpedAt ?? null;
      return { id: contact.id, queuedAt: contact.queuedAt, jumpedAt, priority, contact, queue };
    })
    .sort(compareForRouting);
}

function waitWithout(entry: Entry, overflowLevel: number, reasons: RoutingReason[]): PlannedWait {
  return { contactId: entry.id, priority: entry.priority, overflowLevel, candidates: [], reasons };
}

/** Contacts judged alike by `assessAgent`: same queue, channel, language and overflow level. */
const classOf = (contact: RoutingContact, queue: RoutingQueue, overflowLevel: number) =>
  `${queue.id}\u0000${contact.channel}\u0000${contact.language}\u0000${overflowLevel}`;

/**
 * `assessAgent` remembered per agent and class of contact: a pass of a thousand contacts judges
 * each agent once per class, not once per contact; an agent's judgments are forgotten when the
 * pass gives them work.
 */
class Assessments {
  private readonly byClass = new Map<string, Map<string, RoutingCandidate>>();

  constructor(private readonly now: number) {}

  for(contact: RoutingContact, queue: RoutingQueue): Assess {
    let level = -1;
    let judged = new Map<string, RoutingCandidate>();
    return (agent, overflowLevel) => {
      if (overflowLevel !== level) {
        level = overflowLevel;
        const key = classOf(contact, queue, overflowLevel);
        judged = this.byClass.get(key) ?? new Map();
        this.byClass.set(key, judged);
      }
      let candidate = judged.get(agent.id);
      if (!candidate) {
        candidate = assessAgent(agent, contact, queue, overflowLevel, this.now);
        judged.set(agent.id, candidate);
      }
      return candidate;
    };
  }

  forget(agentId: string): void {
    for (const judged of this.byClass.values()) judged.delete(agentId);
  }
}

/** The agents as a pass sees them: copies whose holdings grow with each planned offer. */
class PassAgents {
  readonly all: RoutingAgent[];
  readonly current: Assessments;
  private readonly byId: Map<string, RoutingAgent>;
  private readonly before: Map<string, RoutingAgent>;
  private readonly beforeAssessments: Assessments;
  private readonly takenIds = new Set<string>();

  constructor(agents: RoutingAgent[], now: number) {
    this.all = agents.map((agent) => ({ ...agent, holdings: [...agent.holdings] }));
    this.byId = new Map(this.all.map((agent) => [agent.id, agent]));
    this.before = new Map(agents.map((agent) => [agent.id, agent]));
    this.current = new Assessments(now);
    this.beforeAssessments = new Assessments(now);
  }

  /** Counts a planned offer against the agent's capacity for the rest of the pass. */
  hold(agentId: string, contact: RoutingContact): void {
    this.byId.get(agentId)?.holdings.push({ channel: contact.channel, status: 'offered', count: 1 });
    this.current.forget(agentId);
    this.takenIds.add(agentId);
  }

  /** Whether an agent given work earlier in this pass could have taken this contact before that. */
  wasTakenFrom(contact: RoutingContact, queue: RoutingQueue, overflowLevel: number): boolean {
    const assess = this.beforeAssessments.for(contact, queue);
    for (const agentId of this.takenIds) {
      const agent = this.before.get(agentId);
      if (agent && assess(agent, overflowLevel).eligible) return true;
    }
    return false;
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
  const agents = new PassAgents(input.agents, now);
  const choose = { candidateLimit: input.candidateLimit };
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
    const choice = chooseAgent(contact, queue, agents.all, now, {
      ...choose,
      assess: agents.current.for(contact, queue),
    });
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
    const isBehind = agents.wasTakenFrom(contact, queue, choice.overflowLevel);
    const reasons: RoutingReason[] = isBehind
      ? [...choice.reasons, 'waiting_behind_higher_priority']
      : choice.reasons;
    plan.waits.push({ ...base, candidates: choice.candidates, reasons, nextFreeAt: choice.nextFreeAt });
  }
  return plan;
}
