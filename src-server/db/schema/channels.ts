// What arrives and leaves on the channels: messages, raw emails, attachments, outbound jobs,
// webhook receipts, web chat conversations.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea, created, ts } from './columns';
import { users } from './people';
import { cases } from './customers';
import { contacts } from './routing';

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
