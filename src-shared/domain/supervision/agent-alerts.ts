import { AwayReason } from '../../protocol/entities';
import type { AlertKind, AlertSettings } from '../../protocol/supervision';
import type { RuleResult } from './alert-rules';
import type { FloorAgent, FloorQueue } from './floor';

/**
 * Alert rules about one agent: a wrap-up past its queue's maximum, Away past the reason's limit,
 * offers missed.
 */

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
  ];
}
