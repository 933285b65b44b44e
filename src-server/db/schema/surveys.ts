// Customer satisfaction surveys (issue 15, migration 0023): one per case, answered once.
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { cases, customers } from './customers';
import { users } from './people';
import { contacts } from './routing';

export const csatSurveys = pgTable(
  'csat_surveys',
  {
    /** The id the signed link names (`/survey/:token`). */
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** The contact the survey rates (the case's last worked one); null when the case had none. */
    contactId: text('contact_id').references(() => contacts.id),
    /** The agent whose work is rated; null when nobody held a contact of the case. */
    agentId: text('agent_id').references(() => users.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Where the survey was sent. */
    email: text('email').notNull(),
    queuedAt: ts('queued_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    expiresAt: ts('expires_at').notNull(),
    answeredAt: ts('answered_at'),
    /** 1–5 once answered. */
    rating: integer('rating'),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('csat_surveys_case_idx').on(t.caseId),
    index('csat_surveys_customer_idx').on(t.customerId, t.queuedAt),
    index('csat_surveys_agent_idx').on(t.agentId, t.answeredAt),
  ],
);
