import { z } from 'zod';
import { AwayReason } from './entities';
import { EscalationRules } from './escalation';

/**
 * What a supervisor does live (issue 14): reassign, jump, force an agent's state, broadcast,
 * acknowledge; and what an admin edits (escalation rules). Socket commands and HTTP bodies share
 * these schemas; the HTTP bodies leave out the id the path names.
 */

const id = z.string().min(1).max(64);
const reasonText = z.string().trim().min(1).max(500);

/** Where a contact goes: exactly one of an agent or a queue. */
export const ReassignTarget = z
  .object({ agentId: id.optional(), queueId: id.optional() })
  .refine((t) => (t.agentId === undefined) !== (t.queueId === undefined), {
    message: 'name either an agent or a queue',
    path: ['agentId'],
  });
export type ReassignTarget = z.infer<typeof ReassignTarget>;

const reassignFields = {
  agentId: id.optional(),
  queueId: id.optional(),
  reason: reasonText.optional(),
  /** Overrides what the reassignment check lets a supervisor override (capacity, Away…); recorded. */
  force: z.boolean().default(false),
  /**
   * Where the caller believes the contact is: its holder's agent id, or null when it waits in a
   * queue. When it is somewhere else the answer is a conflict naming the current holder.
   */
  expectedAgentId: id.nullable().optional(),
  /** Minutes the new holder has to accept (chat, email: to reply) before the contact moves on. */
  responseTimerMin: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  /** Where it goes when the timer runs out; default: back to its queue. */
  fallback: ReassignTarget.optional(),
};

const oneTarget = <T extends { agentId?: string | undefined; queueId?: string | undefined }>(p: T) =>
  (p.agentId === undefined) !== (p.queueId === undefined);
const timerNeedsAgent = (p: { agentId?: string | undefined; responseTimerMin?: number | undefined }) =>
  p.responseTimerMin === undefined || p.agentId !== undefined;
const fallbackNeedsTimer = (p: { responseTimerMin?: number | undefined; fallback?: unknown }) =>
  p.fallback === undefined || p.responseTimerMin !== undefined;

/** `POST /api/v1/contacts/:id/reassign` body. */
export const ReassignBody = z
  .object(reassignFields)
  .refine(oneTarget, { message: 'name either an agent or a queue', path: ['agentId'] })
  .refine(timerNeedsAgent, { message: 'a response timer needs a named agent', path: ['responseTimerMin'] })
  .refine(fallbackNeedsTimer, { message: 'a fallback needs a response timer', path: ['fallback'] });
export type ReassignBody = z.infer<typeof ReassignBody>;

/** Move a held, offered or waiting contact to a named agent or to a queue. */
export const ReassignContactPayload = z
  .object({ contactId: id, ...reassignFields })
  .refine(oneTarget, { message: 'name either an agent or a queue', path: ['agentId'] })
  .refine(timerNeedsAgent, { message: 'a response timer needs a named agent', path: ['responseTimerMin'] })
  .refine(fallbackNeedsTimer, { message: 'a fallback needs a response timer', path: ['fallback'] });
export type ReassignContactPayload = z.infer<typeof ReassignContactPayload>;

/** `POST /api/v1/contacts/:id/jump` body: put a waiting contact ahead of everyone not jumped. */
export const JumpBody = z.object({ reason: reasonText.optional() });
export type JumpBody = z.infer<typeof JumpBody>;
export const JumpContactPayload = JumpBody.extend({ contactId: id });
export type JumpContactPayload = z.infer<typeof JumpContactPayload>;

/**
 * `POST /api/v1/agents/:id/state` body. `offline` signs the agent out on every device (a ghost
 * session); `away` needs a reason code. `reason` is the supervisor's words, shown to the agent.
 */
export const ForceAgentStateBody = z
  .object({
    state: z.enum(['away', 'offline']),
    reasonCode: AwayReason.exclude(['missed']).optional(),
    reason: reasonText,
  })
  .refine((p) => p.state !== 'away' || p.reasonCode !== undefined, {
    message: 'putting an agent away needs a reason code',
    path: ['reasonCode'],
  })
  .refine((p) => p.state === 'away' || p.reasonCode === undefined, {
    message: 'a reason code goes only with the away state',
    path: ['reasonCode'],
  });
export type ForceAgentStateBody = z.infer<typeof ForceAgentStateBody>;
export const ForceAgentStatePayload = z
  .object({
    agentId: id,
    state: z.enum(['away', 'offline']),
    reasonCode: AwayReason.exclude(['missed']).optional(),
    reason: reasonText,
  })
  .refine((p) => p.state !== 'away' || p.reasonCode !== undefined, {
    message: 'putting an agent away needs a reason code',
    path: ['reasonCode'],
  })
  .refine((p) => p.state === 'away' || p.reasonCode === undefined, {
    message: 'a reason code goes only with the away state',
    path: ['reasonCode'],
  });
export type ForceAgentStatePayload = z.infer<typeof ForceAgentStatePayload>;

/** Who a broadcast goes to: a team's agents, or the agents of a queue's team. */
export const BroadcastAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamId: id }),
  z.object({ kind: z.literal('queue'), queueId: id }),
]);
export type BroadcastAudience = z.infer<typeof BroadcastAudience>;

/** `POST /api/v1/broadcasts` body; `broadcastId` is client-made so a retry sends it once. */
export const SendBroadcastPayload = z.object({
  broadcastId: z.uuid(),
  audience: BroadcastAudience,
  message: z.string().trim().min(1).max(1000),
  severity: z.enum(['info', 'warning', 'critical']).default('info'),
});
export type SendBroadcastPayload = z.infer<typeof SendBroadcastPayload>;

/** An agent says they read a broadcast (`POST /api/v1/broadcasts/:id/acknowledge`). */
export const AcknowledgeBroadcastPayload = z.object({ broadcastId: z.uuid() });
export type AcknowledgeBroadcastPayload = z.infer<typeof AcknowledgeBroadcastPayload>;

/** A supervisor takes an alert on (`POST /api/v1/alerts/:id/acknowledge`); who and when is kept. */
export const AcknowledgeAlertPayload = z.object({ alertId: z.string().min(1).max(200) });
export type AcknowledgeAlertPayload = z.infer<typeof AcknowledgeAlertPayload>;

/** Admin: the escalation rules, all of them, in order (`PUT /api/v1/admin/escalation-rules`). */
export const SaveEscalationRulesPayload = z.object({ rules: EscalationRules });
export type SaveEscalationRulesPayload = z.infer<typeof SaveEscalationRulesPayload>;

/** A person marks one of their console notifications read. */
export const ReadNotificationPayload = z.object({ notificationId: z.string().min(1).max(64) });
export type ReadNotificationPayload = z.infer<typeof ReadNotificationPayload>;

export const SUPERVISOR_COMMAND_TYPES = {
  reassignContact: 'contact:reassign',
  jumpContact: 'contact:jump',
  forceAgentState: 'agent:force-state',
  sendBroadcast: 'broadcast:send',
  acknowledgeBroadcast: 'broadcast:acknowledge',
  acknowledgeAlert: 'alert:acknowledge',
  saveEscalationRules: 'escalation:save-rules',
  readNotification: 'notification:read',
} as const;
