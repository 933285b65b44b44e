import { asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { cases, companies, customers, products } from '../../db/schema';
import {
  CaseStatus,
  CustomerTier,
  type CaseSummary,
  type Company,
  type Customer,
  type CustomerDetail,
} from '../../../src-shared/protocol/entities';

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
  };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Name, email, company or phone (any formatting: digits are compared) containing the text. */
export async function searchCustomers(db: Db, q: string, limit: number): Promise<Customer[]> {
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
    .where(where)
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
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

export async function findCustomerDetail(db: Db, id: string): Promise<CustomerDetail | null> {
  const customer = await findCustomer(db, id);
  if (!customer) return null;
  const rows = await db
    .select(caseSummaryColumns)
    .from(cases)
    .leftJoin(products, eq(products.id, cases.productId))
    .where(eq(cases.customerId, id))
    .orderBy(desc(cases.createdAt))
    .limit(200);
  return { ...customer, cases: rows.map(toCaseSummary) };
}
