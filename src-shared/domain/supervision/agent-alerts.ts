import { AwayReason } from '../../protocol/entities';
import type { AlertKind, AlertSettings } from '../../protocol/supervision';
import type { RuleResult } from './alert-rules';
import type { FloorAgent, FloorQueue } from './floor';

/**
 * Alert rules about one agent: a wrap-up past its queue's maximum, Away past the reason's limit,
 * offers missed, a console gone while a call is still on the agent's phone.
 */

/** Channels the phone system carries: a live one stays on the agent's phone when the console goes. */
const CALL_CHANNELS: ReadonlySet<string> = new Set(['phone', 'callback']);

/** A wrap-up past its queue's maximum plus the grace (the server ends it at the maximum: this catches one it could not). */
export function wrapUpOverrun(
  agent: FloorAgent,
  queues: ReadonlyMap<string, FloorQueue>,
  now: number,
  settings: AlertSettings,
): RuleResult {
  let since: number | null = null;
  let dueAt: number | null = null;
  for (const work of agent.work) {
    const queue = queues.get(work.queueId);
    if (work.status !== 'wrap_up' || !queue) continue;
    const limit = work.statusSince + (queue.routing.wrapUpMaxSeconds + settings.wrapUpGraceSeconds) * 1000;
    if (limit <= now) since = since === null ? limit : Math.min(since, limit);
    else dueAt = dueAt === null ? limit : Math.min(dueAt, limit);
  }
  if (since === null) return { holds: false, dueAt };
  return { holds: true, since, facts: { overS: Math.round((now - since) / 1000) } };
}

/** Away longer than the limit set for the reason (a reason without one never raises it). */
export function awayOverLimit(agent: FloorAgent, now: number, settings: AlertSettings): RuleResult {
  const reason = AwayReason.safeParse(agent.reasonCode);
  if (agent.state !== 'away' || !reason.success) return { holds: false, dueAt: null };
  const limitS = settings.awayLimitSeconds[reason.data];
  if (limitS === undefined) return { holds: false, dueAt: null };
  const limit = agent.stateSince + limitS * 1000;
  if (limit > now) return { holds: false, dueAt: limit };
  return { holds: true, since: limit, facts: { awayS: Math.round((now - agent.stateSince) / 1000), limitS } };
}

/** Set Away "missed" by routing, or missed `missedOffersThreshold` offers in a row. */
export function missedOffers(agent: FloorAgent, settings: AlertSettings): RuleResult {
  const isPulled = agent.state === 'away' && agent.reasonCode === 'missed';
  const holds = isPulled || agent.missedOffers >= settings.missedOffersThreshold;
  if (!holds) return { holds, dueAt: null };
  return { holds, since: isPulled ? agent.stateSince : null, facts: { missedOffers: agent.missedOffers } };
}

/**
 * The agent's consoles stayed away past the grace period (routing set them Offline
 * "disconnected") while a call is still live on their phone: a customer is on the line with
 * nobody at the console. Names the call (the oldest, should there be two); ends when the call
 * ends or the agent picks a state again.
 */
export function disconnectedOnCall(agent: FloorAgent): RuleResult {
  if (agent.state !== 'offline' || agent.reasonCode !== 'disconnected') return { holds: false, dueAt: null };
  const call = agent.work
    .filter((w) => w.status === 'active' && CALL_CHANNELS.has(w.channel))
    .sort((a, b) => a.since - b.since)[0];
  if (!call) return { holds: false, dueAt: null };
  return { holds: true, since: agent.stateSince, facts: {}, contactId: call.contactId };
}

export function agentRules(
  agent: FloorAgent,
  queues: ReadonlyMap<string, FloorQueue>,
  now: number,
  settings: AlertSettings,
): [AlertKind, RuleResult][] {
  return [
    ['wrap_up_overrun', wrapUpOverrun(agent, queues, now, settings)],
    ['away_over_limit', awayOverLimit(agent, now, settings)],
    ['missed_offers', missedOffers(agent, settings)],
    ['disconnected_on_call', disconnectedOnCall(agent)],
  ];
}
