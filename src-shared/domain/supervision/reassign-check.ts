import type { RoutingReason } from '../../protocol/contacts';
import { assessAgent } from '../routing/eligibility';
import type { RoutingAgent, RoutingContact, RoutingQueue } from '../routing/types';

/**
 * Whether a supervisor may hand a contact to a named agent, judged with the routing engine's own
 * `assessAgent` and sorted by what the person may do about each reason.
 */
export interface ReassignCheck {
  /** Nothing stands in the way, or `force` covers all that does. */
  isAllowed: boolean;
  /** Refused whatever: not signed in, or a required skill missing. */
  blockers: RoutingReason[];
  /** Refused unless forced (and the override is recorded): no free place for it, or Away. */
  overridable: RoutingReason[];
  /** Allowed, but worth a second look: language, tier, proficiency, team, declined it before. */
  warnings: RoutingReason[];
}

const BLOCKERS: ReadonlySet<RoutingReason> = new Set(['offline', 'missing_skill']);
// Capacity in every form (a call or a wrap-up blocks the rest, a channel with no place at all),
// and Away: the agent is signed in and the supervisor may know better.
const OVERRIDABLE: ReadonlySet<RoutingReason> = new Set([
  'no_capacity',
  'channel_not_served',
  'on_a_call',
  'in_wrap_up',
  'away',
]);

export function checkReassignment(
  agent: RoutingAgent,
  contact: RoutingContact,
  queue: RoutingQueue,
  options: { now: number; force?: boolean },
): ReassignCheck {
  const { reasons } = assessAgent(agent, contact, queue, 0, options.now);
  const blockers = reasons.filter((r) => BLOCKERS.has(r));
  const overridable = reasons.filter((r) => OVERRIDABLE.has(r));
  const warnings = reasons.filter((r) => !BLOCKERS.has(r) && !OVERRIDABLE.has(r));
  if (contact.declinedBy.includes(agent.id)) warnings.push('declined_before');
  const isAllowed = blockers.length === 0 && (overridable.length === 0 || options.force === true);
  return { isAllowed, blockers, overridable, warnings };
}
