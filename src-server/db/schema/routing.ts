// Work items and routing: contacts, routing decisions, deadline rows, queue alerts.
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { created, ts, version } from './columns';
import { users, queues } from './people';
import { customers, cases } from './customers';

/** Work items of every channel, past and present; the routing engine owns their lifecycle. */
export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    queueId: text('queue_id')
      .notNull()
      .references(() => queues.id),
    agentId: text('agent_id').references(() => users.id),
    customerId: text('customer_id').references(() => customers.id),
    caseId: text('case_id').references(() => cases.id),
    from: text('from_address').notNull().default(''),
    subject: text('subject').notNull().default(''),
    /** Which adapter brought it (cti | twilio | smtp | web_form | web_chat; null: the console). */
    provider: text('provider'),
    /** The channel's own id for it (CTI callId, Twilio CallSid, Message-ID, conversation id). */
    externalId: text('external_id'),
    /** What the caller keyed into the IVR: { customerId?, caseId?, language? }. */
    ivr: jsonb('ivr')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** A call on hold since then; null when not on hold. */
    heldAt: ts('held_at'),
    language: text('language').notNull().default('en'),
    impact: text('impact').notNull().default('medium'),
    urgency: text('urgency').notNull().default('medium'),
    priority: doublePrecision('priority').notNull().default(0),
    createdAt: created(),
    queuedAt: ts('queued_at').notNull().defaultNow(),
    dueAt: ts('due_at'),
    offerExpiresAt: ts('offer_expires_at'),
    answeredAt: ts('answered_at'),
    endedAt: ts('ended_at'),
    wrapUpDueAt: ts('wrap_up_due_at'),
    wrapUpEndedAt: ts('wrap_up_ended_at'),
    disposition: text('disposition'),
    overflowLevel: integer('overflow_level').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    /** When an agent last declined it or let its offer time out (the queue's decline cool-down runs from it). */
    declinedAt: ts('declined_at'),
    declinedBy: text('declined_by')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Why it entered its queue (intake rule, language, expired contract): shown with the contact. */
    intakeReasons: text('intake_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When a supervisor jumped it ahead of the line (issue 14); null when not. */
    jumpedAt: ts('jumped_at'),
    /** The agent who said who the caller or sender is (issue 15); that choice pops their next contact. */
    identifiedBy: text('identified_by').references(() => users.id),
    identifiedAt: ts('identified_at'),
    /** Waiting because all who could take it are in wrap-up: when the first of them is free. */
    nextFreeAt: ts('next_free_at'),
    version: version(),
  },
  (t) => [
    index('contacts_created_idx').on(t.createdAt),
    index('contacts_status_idx').on(t.status),
    index('contacts_queue_status_idx').on(t.queueId, t.status),
    index('contacts_agent_status_idx').on(t.agentId, t.status),
    uniqueIndex('contacts_external_idx').on(t.provider, t.externalId),
    index('contacts_identified_from_idx')
      .on(sql`lower(${t.from})`, t.identifiedAt)
      .where(sql`${t.identifiedBy} is not null`),
  ],
);

/** Why each routing pass did what it did with a contact (shown as "why me" / "why waiting"). */
export const routingDecisions = pgTable(
  'routing_decisions',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    at: ts('at').notNull().defaultNow(),
    outcome: text('outcome').notNull(),
    agentId: text('agent_id'),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    priority: doublePrecision('priority').notNull(),
    candidates: jsonb('candidates').notNull(),
  },
  (t) => [index('routing_decisions_contact_idx').on(t.contactId, t.at)],
);

/**
 * Deadlines as rows (offer timeouts, wrap-up maximums, callback due times): a sweeper claims due
 * ones with FOR UPDATE SKIP LOCKED, so a restart loses none and two nodes never fire one twice.
 * The id is `kind:contactId`: one deadline of each kind per contact.
 */
export const timers = pgTable(
  'timers',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    dueAt: ts('due_at').notNull(),
  },
  (t) => [index('timers_due_idx').on(t.dueAt)],
);

/**
 * Agents whose every console socket went away (on all nodes), with the end of their grace period:
 * a console back before it deletes the row; a due row is claimed like a timer and the agent goes
 * Offline ("disconnected"), their offers back to the queue without counting as missed.
 */
export const presenceDeadlines = pgTable('presence_deadlines', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  dueAt: ts('due_at').notNull(),
});

/** Supervisor alerts; the id is `<queue or agent id>:kind`. */
export const queueAlerts = pgTable('queue_alerts', {
  id: text('id').primaryKey(),
  /** Null for an agent alert (issue 14). */
  queueId: text('queue_id').references(() => queues.id),
  agentId: text('agent_id').references(() => users.id),
  /** The contact it is about (the call a disconnected agent still holds); migration 0025. */
  contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  kind: text('kind').notNull(),
  severity: text('severity').notNull().default('warning'),
  active: boolean('active').notNull(),
  waiting: integer('waiting').notNull().default(0),
  facts: jsonb('facts')
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  since: ts('since'),
  at: ts('at').notNull().defaultNow(),
  acknowledgedBy: text('acknowledged_by').references(() => users.id),
  acknowledgedAt: ts('acknowledged_at'),
  version: version(),
});
