import { z } from 'zod';
import { Channel } from './channels';
import { Level } from './contacts';
import { AgentState, AwayReason, CaseStatus, NoteVisibility } from './entities';
import { AgentRouting, QueueRouting } from './routing-config';
import { ChatSendPayload } from './web-channel';
import {
  AcknowledgeAlertPayload,
  AcknowledgeBroadcastPayload,
  ForceAgentStatePayload,
  JumpContactPayload,
  ReadNotificationPayload,
  ReassignContactPayload,
  SaveEscalationRulesPayload,
  SendBroadcastPayload,
  SUPERVISOR_COMMAND_TYPES,
} from './supervisor-commands';
import { COACHING_COMMANDS } from './coaching-commands';
import { IdentifyContactPayload } from './caller-identity';
import { SetSurveyPreferencePayload } from './surveys';
import { SaveCannedResponsePayload } from './canned-responses';

/**
 * Every write from a console is a command with a client-made id (idempotency key).
 * `expectedVersion` names the entity version the person saw, where the command edits one.
 */
const commandBase = {
  commandId: z.uuid(),
  expectedVersion: z.number().int().nonnegative().optional(),
};

export const SetAgentStatePayload = z
  .object({
    /** Omit to change your own state; a supervisor may name another agent. */
    agentId: z.string().min(1).max(64).optional(),
    state: AgentState.extract(['available', 'away', 'offline']),
    reasonCode: AwayReason.exclude(['missed']).optional(),
  })
  .refine((p) => p.state === 'away' || p.reasonCode === undefined, {
    message: 'a reason code goes only with the away state',
    path: ['reasonCode'],
  })
  .refine((p) => p.state !== 'away' || p.reasonCode !== undefined, {
    message: 'going away needs a reason code',
    path: ['reasonCode'],
  });
export type SetAgentStatePayload = z.infer<typeof SetAgentStatePayload>;

export const AddNotePayload = z.object({
  caseId: z.string().min(1).max(64),
  /** Client-made so the optimistic row and the server row share one id. */
  noteId: z.uuid(),
  body: z.string().trim().min(1).max(20_000),
  visibility: NoteVisibility,
});
export type AddNotePayload = z.infer<typeof AddNotePayload>;

/** An agent's email answer on a case; sent over SMTP, threaded under the customer's last message. */
export const ReplyPayload = z.object({
  caseId: z.string().min(1).max(64),
  /** Client-made so the optimistic row and the server row share one id. */
  messageId: z.uuid(),
  body: z.string().trim().min(1).max(50_000),
  /** Default: the last inbound sender, else the case's requester, else its customer. */
  to: z.email().max(320).optional(),
});
export type ReplyPayload = z.infer<typeof ReplyPayload>;

export const SetUserDisabledPayload = z.object({
  userId: z.string().min(1).max(64),
  disabled: z.boolean(),
});
export type SetUserDisabledPayload = z.infer<typeof SetUserDisabledPayload>;

const contactId = z.string().min(1).max(64);

/** The agent offered a contact takes it: it becomes theirs alone (the first accept wins). */
export const ContactIdPayload = z.object({ contactId });
export type ContactIdPayload = z.infer<typeof ContactIdPayload>;

export const CompleteWrapUpPayload = z.object({
  contactId,
  /** Required when the queue lists dispositions; must be one of them. */
  disposition: z.string().trim().min(1).max(64).optional(),
});
export type CompleteWrapUpPayload = z.infer<typeof CompleteWrapUpPayload>;

/** A call controlled from the console: the holding agent or a supervisor moves it on. */
export const TransferContactPayload = z
  .object({
    contactId,
    toAgentId: z.string().min(1).max(64).optional(),
    toQueueId: z.string().min(1).max(64).optional(),
  })
  .refine((p) => (p.toAgentId === undefined) !== (p.toQueueId === undefined), {
    message: 'name either an agent or a queue to transfer to',
  });
export type TransferContactPayload = z.infer<typeof TransferContactPayload>;

/**
 * A contact logged by hand (a walk-in, a contact from a system without an adapter): supervisors
 * and admins. Channels create contacts through the same service without this command.
 */
export const CreateContactPayload = z.object({
  /** Client-made so a retry cannot create a second contact. */
  contactId: z.uuid(),
  channel: Channel.exclude(['callback']),
  queueId: z.string().min(1).max(64),
  from: z.string().trim().min(1).max(320),
  subject: z.string().trim().max(300).default(''),
  customerId: z.string().min(1).max(64).optional(),
  caseId: z.string().min(1).max(64).optional(),
  impact: Level.default('medium'),
  urgency: Level.default('medium'),
});
export type CreateContactPayload = z.infer<typeof CreateContactPayload>;

/** Moves a case along its status flow (only the moves of `CASE_TRANSITIONS`). */
export const SetCaseStatusPayload = z.object({
  caseId: z.string().min(1).max(64),
  status: CaseStatus,
});
export type SetCaseStatusPayload = z.infer<typeof SetCaseStatusPayload>;

/** An agent promises to call a customer back in a window; the callback queues when it is due. */
export const ScheduleCallbackPayload = z.object({
  contactId: z.uuid(),
  customerId: z.string().min(1).max(64),
  caseId: z.string().min(1).max(64).optional(),
  phone: z.string().trim().min(3).max(32),
  queueId: z.string().min(1).max(64),
  dueAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(500).default(''),
});
export type ScheduleCallbackPayload = z.infer<typeof ScheduleCallbackPayload>;

/** Admin: a queue's routing rules. */
export const SaveQueueRoutingPayload = z.object({
  queueId: z.string().min(1).max(64),
  channels: z.array(Channel).min(1).max(5),
  routing: QueueRouting,
});
export type SaveQueueRoutingPayload = z.infer<typeof SaveQueueRoutingPayload>;

/** Admin: an agent's skills, capacity, languages and tier. */
export const SaveAgentRoutingPayload = z.object({
  agentId: z.string().min(1).max(64),
  languages: z.array(z.string().min(2).max(8)).max(20),
  tier: z.number().int().min(1).max(3),
  routing: AgentRouting,
});
export type SaveAgentRoutingPayload = z.infer<typeof SaveAgentRoutingPayload>;

export const COMMAND_TYPES = {
  setAgentState: 'agent:set-state',
  addNote: 'case:add-note',
  reply: 'case:reply',
  chatSend: 'chat:send',
  setUserDisabled: 'user:set-disabled',
  acceptContact: 'contact:accept',
  declineContact: 'contact:decline',
  endContact: 'contact:end',
  holdContact: 'contact:hold',
  resumeContact: 'contact:resume',
  transferContact: 'contact:transfer',
  completeWrapUp: 'contact:complete-wrap-up',
  createContact: 'contact:create',
  scheduleCallback: 'contact:schedule-callback',
  identifyContact: 'contact:identify',
  setCaseStatus: 'case:set-status',
  saveQueueRouting: 'queue:save-routing',
  saveAgentRouting: 'agent:save-routing',
  setSurveyPreference: 'customer:set-survey-preference',
  saveCannedResponse: 'canned-response:save',
  ...SUPERVISOR_COMMAND_TYPES,
} as const;

const commandOf = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ ...commandBase, type: z.literal(type), payload });

export const Command = z.discriminatedUnion('type', [
  commandOf(COMMAND_TYPES.setAgentState, SetAgentStatePayload),
  commandOf(COMMAND_TYPES.addNote, AddNotePayload),
  commandOf(COMMAND_TYPES.reply, ReplyPayload),
  commandOf(COMMAND_TYPES.chatSend, ChatSendPayload),
  commandOf(COMMAND_TYPES.setUserDisabled, SetUserDisabledPayload),
  commandOf(COMMAND_TYPES.acceptContact, ContactIdPayload),
  commandOf(COMMAND_TYPES.declineContact, ContactIdPayload),
  commandOf(COMMAND_TYPES.endContact, ContactIdPayload),
  commandOf(COMMAND_TYPES.holdContact, ContactIdPayload),
  commandOf(COMMAND_TYPES.resumeContact, ContactIdPayload),
  commandOf(COMMAND_TYPES.transferContact, TransferContactPayload),
  commandOf(COMMAND_TYPES.completeWrapUp, CompleteWrapUpPayload),
  commandOf(COMMAND_TYPES.createContact, CreateContactPayload),
  commandOf(COMMAND_TYPES.scheduleCallback, ScheduleCallbackPayload),
  commandOf(COMMAND_TYPES.identifyContact, IdentifyContactPayload),
  commandOf(COMMAND_TYPES.setCaseStatus, SetCaseStatusPayload),
  commandOf(COMMAND_TYPES.saveQueueRouting, SaveQueueRoutingPayload),
  commandOf(COMMAND_TYPES.saveAgentRouting, SaveAgentRoutingPayload),
  commandOf(COMMAND_TYPES.setSurveyPreference, SetSurveyPreferencePayload),
  commandOf(COMMAND_TYPES.saveCannedResponse, SaveCannedResponsePayload),
  commandOf(COMMAND_TYPES.reassignContact, ReassignContactPayload),
  commandOf(COMMAND_TYPES.jumpContact, JumpContactPayload),
  commandOf(COMMAND_TYPES.forceAgentState, ForceAgentStatePayload),
  commandOf(COMMAND_TYPES.sendBroadcast, SendBroadcastPayload),
  commandOf(COMMAND_TYPES.acknowledgeBroadcast, AcknowledgeBroadcastPayload),
  commandOf(COMMAND_TYPES.acknowledgeAlert, AcknowledgeAlertPayload),
  commandOf(COMMAND_TYPES.saveEscalationRules, SaveEscalationRulesPayload),
  commandOf(COMMAND_TYPES.readNotification, ReadNotificationPayload),
  ...COACHING_COMMANDS,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** What an accepted command answers: the log position of its last event and the entity it produced. */
export const CommandResult = z.object({
  syncId: z.number().int().nullable(),
  entity: z.unknown(),
});
export type CommandResult = z.infer<typeof CommandResult>;
