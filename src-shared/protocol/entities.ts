import { z } from 'zod';
import { Role } from './auth';
import { Channel } from './channels';
import { AgentRouting, QueueRouting } from './routing-config';
import { CaseCsat, SurveyFrequency } from './surveys';

export const AGENT_STATES = ['offline', 'available', 'busy', 'wrap_up', 'away'] as const;
export const AgentState = z.enum(AGENT_STATES);
export type AgentState = z.infer<typeof AgentState>;

/** Reason codes an agent may pick when going Away; `missed` is set only by routing. */
export const AWAY_REASONS = ['break', 'lunch', 'training', 'coaching', 'meeting', 'missed'] as const;
export const AwayReason = z.enum(AWAY_REASONS);
export type AwayReason = z.infer<typeof AwayReason>;

export const CUSTOMER_TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
export const CustomerTier = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTier>;

export { CHANNELS, Channel } from './channels';

const isoDate = z.string();

export const Team = z.object({ id: z.string(), name: z.string(), version: z.number().int() });
export type Team = z.infer<typeof Team>;

export const Queue = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string(),
  language: z.string(),
  tier: z.number().int(),
  channels: z.array(Channel),
  routing: QueueRouting,
  version: z.number().int(),
});
export type Queue = z.infer<typeof Queue>;

/** A person's account: who they are, what they may do, whether they may sign in. */
export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  teamId: z.string().nullable(),
  tier: z.number().int(),
  disabled: z.boolean(),
  version: z.number().int(),
});
export type Account = z.infer<typeof Account>;

/** An agent as the consoles see them: the account plus live state (`version` is the state's). */
export const Agent = Account.extend({
  languages: z.array(z.string()),
  state: AgentState,
  reasonCode: z.string().nullable(),
  stateSince: isoDate,
  routing: AgentRouting,
  /** Offers missed in a row (declined or timed out); three set the agent Away "missed". */
  missedOffers: z.number().int().nonnegative(),
  /** When the agent last finished work or became Available: longest idle is offered first. */
  idleSince: isoDate,
});
export type Agent = z.infer<typeof Agent>;

export const Company = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  tier: CustomerTier,
  contractExpiresAt: isoDate,
  language: z.string(),
});
export type Company = z.infer<typeof Company>;

export const Customer = z.object({
  id: z.string(),
  companyId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  language: z.string(),
  company: Company,
  /** How often the customer gets a satisfaction survey (absent in rows cached before surveys existed). */
  surveyFrequency: SurveyFrequency.optional(),
});
export type Customer = z.infer<typeof Customer>;

export const CASE_STATUSES = ['new', 'open', 'pending_customer', 'escalated', 'resolved', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

export const CaseSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  /** Null while the requester is not linked to a customer (mail or a form from a new address). */
  customerId: z.string().nullable(),
  /** Who wrote in, as they gave it: the search pop starts from this when no customer matches. */
  requesterName: z.string(),
  requesterAddress: z.string(),
  subject: z.string(),
  status: CaseStatus,
  severity: z.number().int().min(1).max(4),
  /** The product's name; null when the channel did not say. */
  product: z.string().nullable(),
  queueId: z.string(),
  /** Absent on copies a console cached before issue 15 (read again, they have it). */
  priority: CasePriority.optional(),
  /** When the case must be resolved by (its SLA, counted from when its unresolved clock started). */
  slaDueAt: isoDate.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const NOTE_VISIBILITIES = ['internal', 'public'] as const;
export const NoteVisibility = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const Note = z.object({
  id: z.string(),
  caseId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  visibility: NoteVisibility,
  createdAt: isoDate,
});
export type Note = z.infer<typeof Note>;

export const AttachmentInfo = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const MESSAGE_DELIVERIES = ['queued', 'sent', 'failed'] as const;
export const MessageDelivery = z.enum(MESSAGE_DELIVERIES);
export type MessageDelivery = z.infer<typeof MessageDelivery>;

export const Message = z.object({
  id: z.string(),
  caseId: z.string(),
  contactId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  channel: Channel,
  from: z.string(),
  fromName: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  bodyText: z.string(),
  /** Sanitised HTML (no script, no event handlers, no remote loads); shown in a sandboxed frame. */
  bodyHtml: z.string().nullable(),
  attachments: z.array(AttachmentInfo),
  /** Outbound email only: where delivery stands. */
  delivery: MessageDelivery.nullable(),
  at: isoDate,
});
export type Message = z.infer<typeof Message>;

export const CustomerDetail = Customer.extend({ cases: z.array(CaseSummary) });
export type CustomerDetail = z.infer<typeof CustomerDetail>;

/**
 * One automatic escalation step that fired on a case (its history, docs/SUPERVISION.md): which
 * rule, when, and what it did. Levels and targets as in protocol/escalation.ts.
 */
export const CaseEscalation = z.object({
  stepKey: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  at: isoDate,
  /** `escalated` when the step set it. */
  status: z.string().nullable(),
  /** tier2 | product_specialist | development when the step escalated the case. */
  escalatedTo: z.string().nullable(),
  /** The raised priority, when the step raised it. */
  priority: z.string().nullable(),
  /** Display names of the people told. */
  notified: z.array(z.string()),
});
export type CaseEscalation = z.infer<typeof CaseEscalation>;

export const CaseDetail = CaseSummary.extend({
  customer: Customer.nullable(),
  notes: z.array(Note),
  messages: z.array(Message),
  /** Automatic escalations, oldest first (absent in rows cached before they existed). */
  escalations: z.array(CaseEscalation).default([]),
  /** The customer's survey answer, once given (absent in rows cached before surveys existed). */
  csat: CaseCsat.nullable().default(null),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const KbArticle = z.object({
  id: z.string(),
  title: z.string(),
  product: z.string(),
  body: z.string(),
});
export type KbArticle = z.infer<typeof KbArticle>;

/** One day's contact volume per channel, for the Reports screen. */
export const VolumeDay = z.object({
  day: z.string(),
  phone: z.number().int(),
  email: z.number().int(),
  web: z.number().int(),
  chat: z.number().int(),
  callback: z.number().int(),
});
export type VolumeDay = z.infer<typeof VolumeDay>;

/** An account as the admin screen lists it. */
export const AdminUser = Account;
export type AdminUser = z.infer<typeof AdminUser>;
