import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { cases, companies, customers, products } from '../../db/schema';
import { slaDueAt } from '../../../src-shared/domain/case-sla';
import {
  CasePriority,
  CaseStatus,
  CustomerTier,
  type CaseSummary,
  type Company,
  type Customer,
  type CustomerDetail,
} from '../../../src-shared/protocol/entities';
import { SurveyFrequency } from '../../../src-shared/protocol/surveys';
import type { Actor } from '../auth/actor';
import { caseInScope, customerInScope } from './customer-scope';

type CompanyRow = typeof companies.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    tier: CustomerTier.catch('bronze').parse(row.tier),
    contractExpiresAt: row.contractExpiresAt.toISOString(),
    language: row.language,
  };
}

export function toCustomer(row: CustomerRow, company: CompanyRow): Customer {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    company: toCompany(company),
    surveyFrequency: SurveyFrequency.catch('every_case').parse(row.surveyFrequency),
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Name, email, company or phone (any formatting: digits are compared) containing the text, among
 * the customers the actor may read.
 */
export async function searchCustomers(db: Db, actor: Actor, q: string, limit: number): Promise<Customer[]> {
  const digits = q.replace(/\D/g, '');
  const text = likeText(q);
  const where = q
    ? or(
        ilike(customers.name, text),
        ilike(customers.email, text),
        ilike(companies.name, text),
        ...(digits.length >= 4 ? [sql`${customers.phone} like ${likeText(digits)}`] : []),
      )
    : undefined;
  const rows = await db
    .select({ customer: customers, company: companies })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .where(and(where, customerInScope(db, actor)))
    .orderBy(asc(customers.name))
    .limit(limit);
  return rows.map((r) => toCustomer(r.customer, r.company));
}

export async function findCustomer(db: Db | Tx, id: string): Promise<Customer | null> {
  const [row] = await db
    .select({ customer: customers, company: companies })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.id, id))
    .limit(1);
  return row ? toCustomer(row.customer, row.company) : null;
}

export const caseSummaryColumns = {
  case: cases,
  product: products.name,
};

export function toCaseSummary(row: { case: typeof cases.$inferSelect; product: string | null }): CaseSummary {
  const c = row.case;
  const priority = CasePriority.catch('medium').parse(c.priority);
  return {
    id: c.id,
    number: c.number,
    customerId: c.customerId,
    requesterName: c.requesterName,
    requesterAddress: c.requesterAddress,
    subject: c.subject,
    status: CaseStatus.catch('open').parse(c.status),
    severity: Math.min(4, Math.max(1, c.severity)),
    product: row.product,
    queueId: c.queueId,
    priority,
    slaDueAt: slaDueAt(priority, c.unresolvedSince ?? c.createdAt).toISOString(),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** Whether the customer exists and is within the actor's scope. */
export async function mayReadCustomer(db: Db, actor: Actor, id: string): Promise<boolean> {
  const [inScope] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), customerInScope(db, actor)))
    .limit(1);
  return inScope !== undefined;
}

/** A customer with the cases the actor may read; null when missing or out of the actor's scope. */
export async function findCustomerDetail(db: Db, actor: Actor, id: string): Promise<CustomerDetail | null> {
  const customer = (await mayReadCustomer(db, actor, id)) ? await findCustomer(db, id) : null;
  if (!customer) return null;
  const rows = await db
    .select(caseSummaryColumns)
    .from(cases)
    .leftJoin(products, eq(products.id, cases.productId))
    .where(and(eq(cases.customerId, id), caseInScope(db, actor)))
    .orderBy(desc(cases.createdAt))
    .limit(200);
  return { ...customer, cases: rows.map(toCaseSummary) };
}
