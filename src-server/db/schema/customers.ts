// Customers and their cases, notes, products and the knowledge base.
import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { created, ts, version } from './columns';
import { users, queues } from './people';

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
    /** every_case | monthly | never: how often a resolved case brings a survey (migration 0023). */
    surveyFrequency: text('survey_frequency').notNull().default('every_case'),
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
    /** low | medium | high | critical; escalation rules may raise it (migration 0011). */
    priority: text('priority').notNull().default('medium'),
    /** tier2 | product_specialist | development, once an escalation rule escalated the case. */
    escalatedTo: text('escalated_to'),
    /** When the unresolved clock restarted (a reopen); null: since the case was created. */
    unresolvedSince: ts('unresolved_since'),
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

export const kbArticles = pgTable('kb_articles', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  productId: text('product_id')
    .notNull()
    .references(() => products.id),
  body: text('body').notNull(),
});
