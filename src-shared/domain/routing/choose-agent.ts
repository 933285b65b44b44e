import type { RoutingCandidate, RoutingReason } from '../../protocol/contacts';
import { assessAgent, overflowLevelFor } from './eligibility';
import type { RoutingAgent, RoutingContact, RoutingQueue } from './types';

/** What `chooseAgent` decided for one contact, and why. */
export interface AgentChoice {
  agentId: string | null;
  overflowLevel: number;
  candidates: RoutingCandidate[];
  /** About the contact: `chosen`, or why it waits; `overflow_widened` when overflow applied. */
  reasons: RoutingReason[];
  /**
   * Waiting because all who could take it are in wrap-up: epoch ms the first of them is free
   * (their wrap-up maximum), null when none has one. Absent otherwise.
   */
  nextFreeAt?: number | null;
}

interface WaitingWhy {
  reasons: RoutingReason[];
  nextFreeAt?: number | null;
}

/** Reasons that mean "would take it, but is occupied right now". */
const BUSY_REASONS: ReadonlySet<RoutingReason> = new Set(['on_a_call', 'no_capacity', 'in_wrap_up']);

interface Ranked {
  candidate: RoutingCandidate;
  agent: RoutingAgent;
  hasDeclined: boolean;
}

/** Best first: not declined before, then higher skill score, then longer idle, then id. */
function compareRanked(a: Ranked, b: Ranked): number {
  if (a.hasDeclined !== b.hasDeclined) return a.hasDeclined ? 1 : -1;
  if (a.candidate.skillScore !== b.candidate.skillScore)
    return b.candidate.skillScore - a.candidate.skillScore;
  if (a.agent.idleSince !== b.agent.idleSince) return a.agent.idleSince - b.agent.idleSince;
  if (a.agent.id === b.agent.id) return 0;
  return a.agent.id < b.agent.id ? -1 : 1;
}

/** Why an eligible agent was passed over for `chosen`. */
function passedOverReason(ranked: Ranked, chosen: Ranked): RoutingReason {
  if (ranked.hasDeclined && !chosen.hasDeclined) return 'declined_before';
  return ranked.candidate.skillScore < chosen.candidate.skillScore ? 'lower_skill_match' : 'idle_shorter';
}

function waitingReasons(
  candidates: RoutingCandidate[],
  agents: RoutingAgent[],
  queue: RoutingQueue,
  overflowLevel: number,
): WaitingWhy {
  const signedIn = agents.filter(
    (agent) => (overflowLevel >= 2 || agent.teamId === queue.teamId) && agent.state !== 'offline',
  );
  if (signedIn.length === 0) return { reasons: ['no_agent_logged_in'] };
  if (signedIn.every((agent) => agent.state === 'away')) return { reasons: ['all_away'] };
  const isOnlyBusy = (candidate: RoutingCandidate): boolean =>
    candidate.reasons.length > 0 && candidate.reasons.every((reason) => BUSY_REASONS.has(reason));
  const busy = candidates.filter(isOnlyBusy);
  if (busy.length === 0) return { reasons: ['no_eligible_agent'] };
  if (!busy.every((c) => c.reasons.includes('in_wrap_up'))) return { reasons: ['all_eligible_busy'] };
  const busyIds = new Set(busy.map((c) => c.agentId));
  const freeTimes = agents.flatMap((agent) =>
    busyIds.has(agent.id) && agent.wrapUpEndsAt != null ? [agent.wrapUpEndsAt] : [],
  );
  return { reasons: ['all_in_wrap_up'], nextFreeAt: freeTimes.length ? Math.min(...freeTimes) : null };
}

/** Judges one agent for the contact at an overflow level (`assessAgent`, or a pass's memo of it). */
export type Assess = (agent: RoutingAgent, overflowLevel: number) => RoutingCandidate;

export interface ChooseOptions {
  /** How many candidates to return, best first (all when absent): a pass records only a few. */
  candidateLimit?: number;
  assess?: Assess;
}

/**
 * Picks the agent to offer the contact to: among eligible agents (at the contact's overflow
 * level), those who have not declined it first, then best skill score, then longest idle, then
 * id. Every candidate says why (not) them, best first; the contact says why it waits when nobody
 * fits.
 */
export function chooseAgent(
  contact: RoutingContact,
  queue: RoutingQueue,
  agents: RoutingAgent[],
  now: number,
  options: ChooseOptions = {},
): AgentChoice {
  const overflowLevel = overflowLevelFor(contact, queue, now);
  const limit = options.candidateLimit ?? Number.POSITIVE_INFINITY;
  const assess = options.assess ?? ((agent, level) => assessAgent(agent, contact, queue, level, now));
  const widened: RoutingReason[] = overflowLevel > 0 ? ['overflow_widened'] : [];
  const declined = new Set(contact.declinedBy);
  const isCoolingDown =
    contact.declinedAt != null && now - contact.declinedAt < queue.routing.declineCooldownSeconds * 1000;
  const ranked: Ranked[] = agents.map((agent) => {
    const hasDeclined = declined.has(agent.id);
    const assessed = assess(agent, overflowLevel);
    // Within the queue's cool-down, whoever declined it is not offered it again, even if alone.
    const candidate: RoutingCandidate =
      hasDeclined && isCoolingDown && assessed.eligible
        ? { ...assessed, eligible: false, reasons: ['declined_before'] }
        : assessed;
    return { candidate, agent, hasDeclined };
  });
  const eligible = ranked.filter((entry) => entry.candidate.eligible).sort(compareRanked);
  const ineligible = () =>
    ranked.filter((entry) => !entry.candidate.eligible).map((entry) => entry.candidate);
  const chosen = eligible[0];
  if (!chosen) {
    const candidates = ineligible();
    const why = waitingReasons(candidates, agents, queue, overflowLevel);
    return {
      agentId: null,
      overflowLevel,
      candidates: candidates.slice(0, limit),
      reasons: [...why.reasons, ...widened],
      nextFreeAt: why.nextFreeAt,
    };
  }
  // Best first: the chosen agent, the eligible ones passed over in rank order, then the rest.
  const candidates: RoutingCandidate[] = [
    { ...chosen.candidate, reasons: ['chosen'] },
    ...eligible
      .slice(1, limit)
      .map((entry) => ({ ...entry.candidate, reasons: [passedOverReason(entry, chosen)] })),
  ];
  if (candidates.length < limit) candidates.push(...ineligible().slice(0, limit - candidates.length));
  return { agentId: chosen.agent.id, overflowLevel, candidates, reasons: ['chosen', ...widened] };
}
