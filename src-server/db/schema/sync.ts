// The spine: the event log and applied command ids.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

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
     * positions commit in order (see log-append.ts).
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
    /**
     * SHA-256 of the command as applied (type, payload, expected version): a later command under
     * the same id with another hash is a conflict, not a repeat. Null on rows from before it.
     */
    payloadHash: text('payload_hash'),
    appliedAt: ts('applied_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.commandId] })],
);
