// Supervision (issue 14): the reassignment audit trail, broadcasts, console notifications,
// escalation rules and their firings, and the deadline rows that drive alerts and escalations.
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts, version } from './columns';
import { users, teams } from './people';
import { cases } from './customers';
import { contacts } from './routing';

/** Every move of a contact by a supervisor or a response timer: who, what, when, from, to, why. */
export const reassignments = pgTable(
  'reassignments',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel').notNull(),
    fromAgentId: text('from_agent_id'),
    fromQueueId: text('from_queue_id').notNull(),
    toAgentId: text('to_agent_id'),
    toQueueId: text('to_queue_id').notNull(),
    reason: text('reason'),
    kind: text('kind').notNull(),
    forced: boolean('forced').notNull().default(false),
    overridden: jsonb('overridden').$type<string[]>().notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    byUserId: text('by_user_id').references(() => users.id),
    byName: text('by_name').notNull(),
    at: ts('at').notNull().defaultNow(),
    responseDueAt: ts('response_due_at'),
    fallback: jsonb('fallback'),
    version: version(),
  },
  (t) => [index('reassignments_contact_idx').on(t.contactId, t.at), index('reassignments_at_idx').on(t.at)],
);

/** A supervisor's message to a team's agents. */
export const broadcasts = pgTable('broadcasts', {
  id: text('id').primaryKey(),
  fromUserId: text('from_user_id')
    .notNull()
    .references(() => users.id),
  fromName: text('from_name').notNull(),
  audience: jsonb('audience').notNull(),
  teamId: text('team_id')
    .notNull()
    .references(() => teams.id),
  message: text('message').notNull(),
  severity: text('severity').notNull(),
  at: ts('at').notNull().defaultNow(),
  recipientIds: jsonb('recipient_ids').$type<string[]>().notNull(),
  version: version(),
});

export const broadcastAcks = pgTable(
  'broadcast_acks',
  {
    broadcastId: text('broadcast_id')
      .notNull()
      .references(() => broadcasts.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.userId] })],
);

/** A console notification for one person. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    contactId: text('contact_id'),
    caseId: text('case_id'),
    at: ts('at').notNull().defaultNow(),
    readAt: ts('read_at'),
    version: version(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.at)],
);

/** The escalation rules admins edit: one row (id 1), the rules in order. */
export const escalationRules = pgTable('escalation_rules', {
  id: integer('id').primaryKey(),
  rules: jsonb('rules').notNull(),
  version: version(),
});

/** A step of a rule fired on a case: the unique key is what makes "exactly once across nodes" hold. */
export const escalationFirings = pgTable(
  'escalation_firings',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    stepKey: text('step_key').notNull(),
    ruleId: text('rule_id').notNull(),
    /** The rule's name when it fired, and what the firing did (CaseEscalation): the case's history. */
    ruleName: text('rule_name').notNull().default(''),
    effects: jsonb('effects').notNull().default({}),
    firedAt: ts('fired_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.stepKey] })],
);

/**
 * Supervision deadlines as rows, swept with FOR UPDATE SKIP LOCKED: `alerts` (the next alert
 * condition's start) and `escalation:<caseId>` (a case's next escalation step).
 */
export const supervisionDeadlines = pgTable(
  'supervision_deadlines',
  {
    id: text('id').primaryKey(),
    dueAt: ts('due_at').notNull(),
  },
  (t) => [index('supervision_deadlines_due_idx').on(t.dueAt)],
);

/**
 * How far the alert sweep has read the event log (one row, id 1): a sweep evaluates the floor's
 * alerts again only when events were appended since, or the `alerts` deadline is due.
 */
export const floorAlertCursor = pgTable('floor_alert_cursor', {
  id: integer('id').primaryKey(),
  syncedTo: bigint('synced_to', { mode: 'number' }).notNull().default(0),
});
