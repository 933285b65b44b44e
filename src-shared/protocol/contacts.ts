import { z } from 'zod';
import { Channel } from './channels';
import { AlertKind, AlertSeverity } from './supervision';

/**
 * The contact: one work item for every channel (a call, an email, a web form, a chat, a
 * scheduled callback). Lifecycle:
 *
 *   scheduled ─(due)→ queued ─→ offered ─accept→ active ─end→ wrap_up ─complete→ closed
 *                       ↑  └─(customer left)→ abandoned
 *                       └─ decline / timeout / transfer to a queue
 *
 * A transfer is recorded (`transfers` counts them, the event says so) and puts the contact back
 * to `queued` in its new queue, or straight to `offered` to a named agent.
 */
export const CONTACT_STATUSES = [
  'scheduled',
  'queued',
  'offered',
  'active',
  'wrap_up',
  'closed',
  'abandoned',
] as const;
export const ContactStatus = z.enum(CONTACT_STATUSES);
export type ContactStatus = z.infer<typeof ContactStatus>;

/** Statuses in which a contact is still work somebody has to do. */
export const OPEN_CONTACT_STATUSES = ['scheduled', 'queued', 'offered', 'active', 'wrap_up'] as const;

/** Business impact and technical urgency, the two axes of the priority matrix. */
export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/**
 * Why a routing pass did what it did, as codes the console translates. A candidate carries the
 * codes that ruled them out (or `chosen`); a contact carries why it still waits.
 */
export const ROUTING_REASONS = [
  // about one agent
  'chosen',
  'not_available',
  'away',
  'offline',
  'in_wrap_up',
  'on_a_call',
  'no_capacity',
  'channel_not_served',
  'missing_skill',
  'skill_too_low',
  'wrong_language',
  'tier_too_low',
  'other_team',
  'declined_before',
  'lower_skill_match',
  'idle_shorter',
  // about the contact
  'no_agent_logged_in',
  'no_eligible_agent',
  'all_eligible_busy',
  'queue_closed',
  'overflow_widened',
  'contract_expired_inside_sales',
  'waiting_behind_higher_priority',
  'all_in_wrap_up',
  'all_away',
  // back in the queue: the agent holding it left routing (their console stayed away past the grace)
  'holder_disconnected',
  // why a contact entered its queue (intake rules, docs/ROUTING.md)
  'intake_case',
  'intake_address',
  'intake_number',
  'intake_source',
  'intake_default',
  'intake_no_rule',
  'intake_language',
] as const;
export const RoutingReason = z.enum(ROUTING_REASONS);
export type RoutingReason = z.infer<typeof RoutingReason>;

/** One agent as a routing pass saw them for one contact. */
export const RoutingCandidate = z.object({
  agentId: z.string(),
  displayName: z.string(),
  eligible: z.boolean(),
  /** Sum of the agent's proficiency over the queue's required skills (higher matches better). */
  skillScore: z.number(),
  /** Seconds since the agent last finished work (longer idle goes first among equals). */
  idleSeconds: z.number(),
  reasons: z.array(RoutingReason),
});
export type RoutingCandidate = z.infer<typeof RoutingCandidate>;

/** A recorded routing decision: what happened to one contact in one pass, and why. */
export const RoutingDecision = z.object({
  id: z.string(),
  contactId: z.string(),
  at: z.string(),
  outcome: z.enum(['entered', 'offered', 'waiting', 'overflowed', 'rerouted', 'alerted']),
  agentId: z.string().nullable(),
  reasons: z.array(RoutingReason),
  /** Priority and its parts at decision time. */
  priority: z.number(),
  candidates: z.array(RoutingCandidate),
});
export type RoutingDecision = z.infer<typeof RoutingDecision>;

/** The inbound adapter a contact came through; null for contacts logged in the console. */
export const CONTACT_PROVIDERS = ['cti', 'twilio', 'smtp', 'web_form', 'web_chat'] as const;
export const ContactProvider = z.enum(CONTACT_PROVIDERS);
export type ContactProvider = z.infer<typeof ContactProvider>;

/** What a caller keyed into the IVR, kept for the screen pop and routing. */
export const IvrInput = z.object({
  customerId: z.string().max(100).optional(),
  caseId: z.string().max(100).optional(),
  language: z.string().max(10).optional(),
});
export type IvrInput = z.infer<typeof IvrInput>;

export const Contact = z.object({
  id: z.string(),
  channel: Channel,
  status: ContactStatus,
  provider: ContactProvider.nullable(),
  ivr: IvrInput,
  /** A call on hold since then; null when not on hold. */
  heldAt: z.string().nullable(),
  queueId: z.string(),
  /** The agent offered it (status offered) or holding it (active, wrap_up); else null. */
  agentId: z.string().nullable(),
  customerId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** Caller number (E.164), sender address, or visitor name, as the channel gave it. */
  from: z.string(),
  subject: z.string(),
  language: z.string(),
  impact: Level,
  urgency: Level,
  /** Routing priority at the last pass (higher first); see docs/ROUTING.md. */
  priority: z.number(),
  createdAt: z.string(),
  /** When it entered its current queue: its place in line, kept across declines and timeouts. */
  queuedAt: z.string(),
  /** For a scheduled callback: when it enters the queue. */
  dueAt: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** When after-contact work ends by itself (the queue's wrap-up maximum). */
  wrapUpDueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  disposition: z.string().nullable(),
  /** 0 normal; 1 lower proficiency accepted; 2 other teams too. */
  overflowLevel: z.number().int().min(0).max(2),
  transfers: z.number().int().nonnegative(),
  /** Agents who declined or let the offer time out (not offered again while others can take it). */
  declinedBy: z.array(z.string()),
  /** Why the last routing pass left it waiting, or why it was offered to its agent. */
  reasons: z.array(RoutingReason),
  /**
   * Waiting with `all_in_wrap_up`: when the first agent who could take it is free (their wrap-up
   * maximum); null otherwise or when unknown. Absent from servers and caches before it existed.
   */
  nextFreeAt: z.string().nullable().optional(),
  /** Why it entered its queue: the intake rule, the customer's language, the expired contract (absent on older rows). */
  intakeReasons: z.array(RoutingReason).optional(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof Contact>;

/** A contact with the decisions that shaped it, newest first (GET /api/v1/contacts/:id). */
export const ContactDetail = Contact.extend({ decisions: z.array(RoutingDecision) });
export type ContactDetail = z.infer<typeof ContactDetail>;

/**
 * A supervisor alert (docs/SUPERVISION.md "Alerts"): about a queue or an agent, raised and cleared
 * as events within seconds, acknowledged by a supervisor (who and when is kept). `id` is the
 * condition's stable key `<subject id>:<kind>`.
 */
export const QueueAlert = z.object({
  id: z.string(),
  /** The queue it is about; for an agent alert, null. */
  queueId: z.string().nullable(),
  /** The agent it is about; for a queue alert, null. */
  agentId: z.string().nullable().default(null),
  /** The contact it is about (the call a disconnected agent still holds); else null. */
  contactId: z.string().nullable().default(null),
  kind: AlertKind,
  severity: AlertSeverity.default('warning'),
  active: z.boolean(),
  /** Contacts waiting when raised. */
  waiting: z.number().int(),
  /** The rule's figures (at risk, seconds over the limit…), for the line on the board. */
  facts: z.record(z.string(), z.number()).default({}),
  /** When the condition began, where the rules can tell; else null. */
  since: z.string().nullable().default(null),
  /** When it was raised, or cleared when `active` is false. */
  at: z.string(),
  acknowledgedBy: z.string().nullable().default(null),
  acknowledgedByName: z.string().nullable().default(null),
  acknowledgedAt: z.string().nullable().default(null),
  version: z.number().int(),
});
export type QueueAlert = z.infer<typeof QueueAlert>;

export const ContactListQuery = z.object({
  status: ContactStatus.optional(),
  channel: Channel.optional(),
  queue: z.string().max(64).optional(),
  agent: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
export const ContactListResponse = z.object({ contacts: z.array(Contact) });
export const ContactResponse = z.object({ contact: ContactDetail });
