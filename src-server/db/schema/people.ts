// Staff, teams, skills and queues: who works, on what, where.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { created, ts, version } from './columns';

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
  /** Where staff notifications by email go (escalations); null: console only (migration 0011). */
  email: text('email'),
  /** Contacts per channel an agent may hold at once (ChannelCapacity); null: the default. */
  capacity: jsonb('capacity'),
  createdAt: created(),
  version: version(),
});

/**
 * One row, bumped by triggers on every change to users or agent_skills (migration 0004): a node
 * caches agents' routing profiles (team, tier, languages, capacity, skills) and reloads them only
 * when this moved, instead of reading 200 profiles on every routing pass.
 */
export const routingProfilesVersion = pgTable('routing_profiles_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
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
