// Canned responses (issue 15): texts agents insert into email and chat replies.
import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts, version } from './columns';
import { queues, teams, users } from './people';

/** Shared (team or queue, or everywhere) or personal (its owner's alone); archived ones are hidden. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    language: text('language').notNull(),
    queueId: text('queue_id').references(() => queues.id),
    teamId: text('team_id').references(() => teams.id),
    shared: boolean('shared').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    archived: boolean('archived').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [index('canned_responses_language_idx').on(t.language, t.archived)],
);
