import type { Channel } from '../../protocol/channels';
import type { RoutingCandidate, RoutingReason } from '../../protocol/contacts';
import type { AgentState } from '../../protocol/entities';
import { blockingHolding, freeCapacity } from './capacity';
import type { RoutingAgent, RoutingContact, RoutingQueue } from './types';

const STATE_REASONS: Partial<Record<AgentState, RoutingReason>> = {
  offline: 'offline',
  away: 'away',
  wrap_up: 'in_wrap_up',
};

function stateReasons(agent: RoutingAgent): RoutingReason[] {
  const reason = STATE_REASONS[agent.state];
  return reason ? [reason] : [];
}

function capacityReasons(agent: RoutingAgent, channel: Channel): RoutingReason[] {
  if (agent.routing.capacity[channel] === 0) return ['channel_not_served'];
  const blocked = blockingHolding(agent);
  if (blocked) return [blocked];
  return freeCapacity(agent)[channel] > 0 ? [] : ['no_capacity'];
}

function profileReasons(agent: RoutingAgent, contact: RoutingContact, queue: RoutingQueue): RoutingReason[] {
  const reasons: RoutingReason[] = [];
  if (!agent.languages.includes(contact.language)) reasons.push('wrong_language');
  if (agent.tier < queue.tier) reasons.push('tier_too_low');
  return reasons;
}

function proficiencyIn(agent: RoutingAgent, skillId: string): number | undefined {
  return agent.routing.skills.find((skill) => skill.skillId === skillId)?.proficiency;
}

function skillReasons(agent: RoutingAgent, queue: RoutingQueue, overflowLevel: number): RoutingReason[] {
  const reasons: RoutingReason[] = [];
  for (const required of queue.routing.requiredSkills) {
    const proficiency = proficiencyIn(agent, required.skillId);
    if (proficiency === undefined) reasons.push('missing_skill');
    else if (proficiency < required.minProficiency && overflowLevel < 1) reasons.push('skill_too_low');
  }
  return reasons;
}

function teamReasons(agent: RoutingAgent, queue: RoutingQueue, overflowLevel: number): RoutingReason[] {
  return agent.teamId === queue.teamId || overflowLevel >= 2 ? [] : ['other_team'];
}

/** Sum of the agent's proficiency over the queue's required skills (0 for a missing one). */
export function skillScoreFor(agent: RoutingAgent, queue: RoutingQueue): number {
  return queue.routing.requiredSkills.reduce(
    (sum, required) => sum + (proficiencyIn(agent, required.skillId) ?? 0),
    0,
  );
}

/**
 * One agent judged for one contact, with every reason that rules them out: state (Available or
 * Busy only), capacity on the channel, language, tier, required skills (a present skill below the
 * minimum is accepted from overflow 1) and team (other teams accepted at overflow 2).
 */
export function assessAgent(
  agent: RoutingAgent,
  contact: RoutingContact,
  queue: RoutingQueue,
  overflowLevel: number,
  now: number,
): RoutingCandidate {
  const reasons = [
    ...stateReasons(agent),
    ...capacityReasons(agent, contact.channel),
    ...profileReasons(agent, contact, queue),
    ...skillReasons(agent, queue, overflowLevel),
    ...teamReasons(agent, queue, overflowLevel),
  ];
  const unique = [...new Set(reasons)];
  return {
    agentId: agent.id,
    displayName: agent.displayName,
    eligible: unique.length === 0,
    skillScore: skillScoreFor(agent, queue),
    idleSeconds: Math.max(0, (now - agent.idleSince) / 1000),
    reasons: unique,
  };
}

/**
 * How far the eligible set is widened for a contact: 0 until it has waited the queue's
 * `overflowAfterSeconds`, 1 from then, 2 from twice that; always 0 when the setting is 0.
 */
export function overflowLevelFor(contact: RoutingContact, queue: RoutingQueue, now: number): number {
  const after = queue.routing.overflowAfterSeconds;
  if (after <= 0) return 0;
  const waitedSeconds = (now - contact.queuedAt) / 1000;
  if (waitedSeconds >= 2 * after) return 2;
  return waitedSeconds >= after ? 1 : 0;
}
