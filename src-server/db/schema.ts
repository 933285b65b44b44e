import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
/** Binary content (raw email source, attachments) as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
const version = () => integer('version').notNull().default(1);

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: version(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  teamId: text('team_id').references(() => teams.id),
  tier: integer('tier').notNull().default(1),
  languages: text('languages')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  disabled: boolean('disabled').notNull().default(false),
  /** Contacts per channel an agent may hold at once (ChannelCapacity); null: the default. */
  capacity: jsonb('capacity'),
  createdAt: created(),
  version: version(),
});

/** An agent's live routing state; one row per user who has ever signed in as an agent. */
export const agentStates = pgTable('agent_states', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  state: text('state').notNull().default('offline'),
  reasonCode: text('reason_code'),
  since: ts('since').notNull().defaultNow(),
  /** Offers missed in a row (timed out); the routing engine sets Away "missed" at the limit. */
  missedOffers: integer('missed_offers').notNull().default(0),
  /** Last time the agent finished work or became Available (longest idle is offered first). */
  idleSince: ts('idle_since').notNull().defaultNow(),
  version: version(),
});

/** A signed-in device. Refresh tokens name the session; revoking it ends the session's sockets. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    refreshHash: text('refresh_hash').notNull(),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const skills = pgTable('skills', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(), // product | language | tier
  name: text('name').notNull(),
});

export const agentSkills = pgTable(
  'agent_skills',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id),
    proficiency: integer('proficiency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] })],
);

export const queues = pgTable('queues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  teamId: text('team_id')
    .notNull()
    .references(() => teams.id),
  language: text('language').notNull(),
  tier: integer('tier').notNull().default(1),
  channels: text('channels').array().notNull(),
  /** QueueRouting (skills, service levels, business hours, timeouts…); parsed with defaults. */
  routing: jsonb('routing')
    .notNull()
    .default(sql`'{}'::jsonb`),
  version: version(),
});

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const companies = pgTable(
  'companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    domain: text('domain').notNull(),
    tier: text('tier').notNull(),
    contractExpiresAt: ts('contract_expires_at').notNull(),
    language: text('language').notNull(),
    version: version(),
  },
  (t) => [index('companies_domain_idx').on(t.domain)],
);

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    language: text('language').notNull(),
    version: version(),
  },
  (t) => [
    index('customers_email_idx').on(t.email),
    index('customers_phone_idx').on(t.phone),
    index('customers_company_idx').on(t.companyId),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    number: serial('number').notNull().unique(),
    /** Null until the requester is known as a customer (an email or form from a new address). */
    customerId: text('customer_id').references(() => customers.id),
    /** Who asked, as they wrote in: kept even when no customer matches, for the search pop. */
    requesterName: text('requester_name').notNull().default(''),
    requesterAddress: text('requester_address').notNull().default(''),
    subject: text('subject').notNull(),
    status: text('status').notNull(),
    severity: integer('severity').notNull(),
    /** Null when the channel did not say (an email, a web form). */
    productId: text('product_id').references(() => products.id),
    queueId: text('queue_id')
      .notNull()
      .references(() => queues.id),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [index('cases_customer_idx').on(t.customerId), index('cases_requester_idx').on(t.requesterAddress)],
);

export const notes = pgTable(
  'notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    visibility: text('visibility').notNull(),
    createdAt: created(),
  },
  (t) => [index('notes_case_idx').on(t.caseId)],
);

/** What customers and agents wrote on a case, on any channel (email, web form, chat lines). */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** The contact it arrived or left with, when there was one. */
    contactId: text('contact_id').references(() => contacts.id),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name').notNull().default(''),
    toAddresses: text('to_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ccAddresses: text('cc_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    /** Sanitised on the server before it is stored; never the sender's HTML as received. */
    bodyHtml: text('body_html'),
    /** RFC 5322 threading: this message's Message-ID, and what it answers. */
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Outbound only: the agent who wrote it and where delivery stands (queued | sent | failed). */
    authorId: text('author_id').references(() => users.id),
    delivery: text('delivery'),
    /** Inbound email: its raw source, and what could not be parsed (kept, never dropped). */
    rawEmailId: text('raw_email_id').references(() => rawEmails.id),
    parseProblems: text('parse_problems')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    at: ts('at').notNull(),
  },
  (t) => [index('messages_case_idx').on(t.caseId), index('messages_message_id_idx').on(t.messageId)],
);

/** Every email accepted over SMTP, byte for byte, committed before the 250. */
export const rawEmails = pgTable(
  'raw_emails',
  {
    id: text('id').primaryKey(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    mailFrom: text('mail_from').notNull(),
    rcptTo: text('rcpt_to').array().notNull(),
    remoteAddress: text('remote_address').notNull().default(''),
    size: integer('size').notNull(),
    source: bytea('source').notNull(),
    /** threaded | new_case | auto_reply | bounce | partial | unparseable */
    outcome: text('outcome').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('raw_emails_received_idx').on(t.receivedAt)],
);

/** Files that came with a message; served back only with safe content types. */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    contentId: text('content_id'),
    inline: boolean('inline').notNull().default(false),
    content: bytea('content').notNull(),
    createdAt: created(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);

/**
 * Durable work for the outside world (an email to send, a call control for the phone system):
 * written in the command's transaction, sent after commit, retried with backoff until done.
 * Due rows are claimed with FOR UPDATE SKIP LOCKED, so two nodes never send one twice.
 */
export const outboundJobs = pgTable(
  'outbound_jobs',
  {
    id: text('id').primaryKey(),
    /** email | call_control */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | done | failed (gave up) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: created(),
    doneAt: ts('done_at'),
  },
  (t) => [index('outbound_jobs_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Webhook deliveries already applied, so a replayed CTI/Twilio event changes nothing twice. */
export const webhookReceipts = pgTable('webhook_receipts', {
  /** `provider:key`, the key being the provider's event id or a hash of the raw body. */
  id: text('id').primaryKey(),
  receivedAt: ts('received_at').notNull().defaultNow(),
  result: jsonb('result').notNull(),
});

/** A visitor's live web chat: the token's hash proves which conversation a visitor may read. */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    visitorName: text('visitor_name').notNull(),
    visitorEmail: text('visitor_email').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    endedAt: ts('ended_at'),
  },
  (t) => [index('chat_conversations_contact_idx').on(t.contactId)],
);

/** Past and present work items. Routing (a later issue) owns their lifecycle. */
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
    declinedBy: text('declined_by')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: version(),
  },
  (t) => [
    index('contacts_created_idx').on(t.createdAt),
    index('contacts_status_idx').on(t.status),
    index('contacts_queue_status_idx').on(t.queueId, t.status),
    index('contacts_agent_status_idx').on(t.agentId, t.status),
    uniqueIndex('contacts_external_idx').on(t.provider, t.externalId),
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

/** Queue alerts for supervisors; the id is `queueId:kind`. */
export const queueAlerts = pgTable('queue_alerts', {
  id: text('id').primaryKey(),
  queueId: text('queue_id')
    .notNull()
    .references(() => queues.id),
  kind: text('kind').notNull(),
  active: boolean('active').notNull(),
  waiting: integer('waiting').notNull().default(0),
  at: ts('at').notNull().defaultNow(),
  version: version(),
});

export const kbArticles = pgTable('kb_articles', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  productId: text('product_id')
    .notNull()
    .references(() => products.id),
  body: text('body').notNull(),
});

/**
 * The event log: the spine. One row per committed change, ordered by `syncId`.
 * The audience columns say who may see it (any match suffices).
 */
export const events = pgTable(
  'events',
  {
    /**
     * The log position: `next_sync_id()` (migration 0003) takes the log's append lock, then the
     * next number of `events_sync_id_seq`. Every insert waits its turn, whoever wrote it, so
     * positions commit in order (see appendEvents).
     */
    syncId: bigint('sync_id', { mode: 'number' })
      .primaryKey()
      .default(sql`next_sync_id()`),
    type: text('type').notNull(),
    entityKind: text('entity_kind').notNull(),
    entityId: text('entity_id').notNull(),
    entityVersion: integer('entity_version').notNull(),
    payload: jsonb('payload').notNull(),
    audienceUsers: text('audience_users')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    audienceTeams: text('audience_teams')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    audienceQueues: text('audience_queues')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    audienceRoles: text('audience_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    actorId: text('actor_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('events_entity_idx').on(t.entityKind, t.entityId)],
);

/** Idempotency: a command id seen before answers with its first result. */
export const appliedCommands = pgTable(
  'applied_commands',
  {
    actorId: text('actor_id').notNull(),
    commandId: text('command_id').notNull(),
    type: text('type').notNull(),
    result: jsonb('result').notNull(),
    appliedAt: ts('applied_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.commandId] })],
);
