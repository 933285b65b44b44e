import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { companies, customers } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { normalizePhone, type PhoneRegion } from '../../../src-shared/domain/phone';
import type { QuickCustomer } from '../../../src-shared/protocol/caller-identity';

type CompanyRow = typeof companies.$inferSelect;

/**
 * Creates the customer an agent typed into the search pop, refusing junk: a number that is not
 * one, or a person the directory already has (same email, or same name and number) — the agent
 * is told whom to pick instead. Returns the new customer's id.
 */
export async function createQuickCustomer(
  tx: Tx,
  input: QuickCustomer,
  now: Date,
  region: PhoneRegion,
): Promise<string> {
  const phone = input.phone ? normalizePhone(input.phone, region) : '';
  if (phone === null) {
    throw new AppError('invalid', `newCustomer.phone: "${input.phone}" is not a phone number`);
  }
  const email = input.email.toLowerCase();
  await refuseDuplicate(tx, input.name, phone, email);
  const company = await companyFor(tx, input.company, email, input.language, now);
  await tx.insert(customers).values({
    id: input.customerId,
    companyId: company.id,
    name: input.name,
    email,
    phone,
    language: input.language,
  });
  return input.customerId;
}

async function refuseDuplicate(tx: Tx, name: string, phone: string, email: string): Promise<void> {
  const sameEmail = email
    ? await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(eq(sql`lower(${customers.email})`, email))
        .limit(1)
    : [];
  const samePerson = phone
    ? await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.phone, phone), eq(sql`lower(${customers.name})`, name.toLowerCase())))
        .limit(1)
    : [];
  const [existing] = [...sameEmail, ...samePerson];
  if (existing) {
    throw new AppError(
      'conflict',
      `${existing.name} (${existing.id}) already has this ${sameEmail.length ? 'email address' : 'name and number'}: pick them instead`,
      { customerId: existing.id },
    );
  }
}

/**
 * The company by its name, else by the mail domain, else a new one. A new company has no
 * maintenance contract on file, so it shows (and routes) as expired until someone records one.
 */
async function companyFor(
  tx: Tx,
  name: string,
  email: string,
  language: string,
  now: Date,
): Promise<CompanyRow> {
  const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';
  const [byName] = await tx
    .select()
    .from(companies)
    .where(eq(sql`lower(${companies.name})`, name.toLowerCase()))
    .limit(1);
  if (byName) return byName;
  const [byDomain] = domain
    ? await tx
        .select()
        .from(companies)
        .where(eq(sql`lower(${companies.domain})`, domain))
        .limit(1)
    : [];
  if (byDomain) return byDomain;
  const [created] = await tx
    .insert(companies)
    .values({ id: `co_${randomUUID()}`, name, domain, tier: 'bronze', contractExpiresAt: now, language })
    .returning();
  if (!created) throw new Error('company insert returned nothing');
  return created;
}
