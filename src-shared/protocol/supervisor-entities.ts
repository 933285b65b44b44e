import { z } from 'zod';
import { Channel } from './channels';
import { QueueAlert } from './contacts';
import { EscalationRules } from './escalation';
import { ReassignTarget, BroadcastAudience } from './supervisor-commands';

/** What the supervisor's actions leave behind, as consoles and the API see it (issue 14). */

/**
 * One move of a contact: an audit row. `by` is the supervisor, or `system` when a response timer
 * ran out. `overridden` lists the reassignment-check reasons `force` overrode (docs/SUPERVISION.md).
 */
export const Reassignment = z.object({
  id: z.string(),
  contactId: z.string(),
  channel: Channel,
  fromAgentId: z.string().nullable(),
  fromQueueId: z.string(),
  toAgentId: z.string().nullable(),
  toQueueId: z.string(),
  reason: z.string().nullable(),
  kind: z.enum(['supervisor', 'response_timer']),
  forced: z.boolean(),
  overridden: z.array(z.string()),
  warnings: z.array(z.string()),
  byUserId: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  /** When the new holder must have accepted (chat, email: replied) by; null without a timer. */
  responseDueAt: z.string().nullable(),
  fallback: ReassignTarget.nullable(),
  version: z.number().int(),
});
export type Reassignment = z.infer<typeof Reassignment>;

export const BroadcastAcknowledgement = z.object({ userId: z.string(), name: z.string(), at: z.string() });
export type BroadcastAcknowledgement = z.infer<typeof BroadcastAcknowledgement>;

/** A message from a supervisor to a team or a queue's agents, acknowledged one by one. */
export const Broadcast = z.object({
  id: z.string(),
  fromUserId: z.string(),
  fromName: z.string(),
  audience: BroadcastAudience,
  /** The team the audience resolved to (a queue's broadcast goes to its team's agents). */
  teamId: z.string(),
  message: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  at: z.string(),
  /** Agents it was sent to. */
  recipientIds: z.array(z.string()),
  acknowledgements: z.array(BroadcastAcknowledgement),
  version: z.number().int(),
});
export type Broadcast = z.infer<typeof Broadcast>;

export const NOTIFICATION_KINDS = [
  /** To the agent who lost a contact: who moved it, where, why. */
  'contact_reassigned_away',
  /** To the agent given a contact by a supervisor. */
  'contact_reassigned_to_you',
  /** To the supervisor: the new holder did not respond in time; the contact moved on. */
  'response_timer_expired',
  /** To the agent: a supervisor changed their state. */
  'state_forced',
  /** An escalation rule fired on a case. */
  'case_escalated',
  /** To the agent: a coach released an evaluation of their contact (params: by, score). */
  'evaluation_released',
  /** To the evaluation's author: the agent acknowledged it. */
  'evaluation_acknowledged',
  /** To the evaluation's author: the agent disputed criteria (params: criteria, their labels). */
  'evaluation_disputed',
  /** To the agent: their dispute was resolved (params: outcome accepted / partly / rejected, note). */
  'evaluation_dispute_resolved',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * A console notification for one person. `params` hold the figures the console words in the
 * person's language (names, reason, case number, rule name).
 */
export const ConsoleNotification = z.object({
  id: z.string(),
  userId: z.string(),
  kind: NotificationKind,
  params: z.record(z.string(), z.string()),
  contactId: z.string().nullable(),
  caseId: z.string().nullable(),
  at: z.string(),
  readAt: z.string().nullable(),
  version: z.number().int(),
});
export type ConsoleNotification = z.infer<typeof ConsoleNotification>;

/** Response bodies of the supervisor routes in `routes.ts`. */
export const ReassignResponse = z.object({ reassignment: Reassignment });
export const ReassignmentsResponse = z.object({ reassignments: z.array(Reassignment) });
export const AlertsResponse = z.object({ alerts: z.array(QueueAlert) });
export const BroadcastResponse = z.object({ broadcast: Broadcast });
export const BroadcastsResponse = z.object({ broadcasts: z.array(Broadcast) });
export const EscalationRulesResponse = z.object({ rules: EscalationRules, version: z.number().int() });
export const NotificationsResponse = z.object({ notifications: z.array(ConsoleNotification) });

/** `GET /api/v1/audit/reassignments` filters; newest first. */
export const ReassignmentAuditQuery = z.object({
  contactId: z.string().min(1).max(64).optional(),
  agentId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReassignmentAuditQuery = z.infer<typeof ReassignmentAuditQuery>;

/** A 422 from a reassignment: why the agent cannot take the contact, as reassignment-check reasons. */
export const ReassignRefusal = z.object({
  reasons: z.array(z.string()),
  /** True when `force: true` would override every reason. */
  overridable: z.boolean(),
});
export type ReassignRefusal = z.infer<typeof ReassignRefusal>;

/** A 409 from a reassignment: where the contact is now. */
export const ReassignConflict = z.object({
  contactId: z.string(),
  status: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  queueId: z.string(),
});
export type ReassignConflict = z.infer<typeof ReassignConflict>;
