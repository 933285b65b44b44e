import { eq, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { companies, contacts, customers } from '../../db/schema';
import { normalizePhone, type PhoneRegion } from '../../../src-shared/domain/phone';
import type { CallerCandidate } from '../../../src-shared/protocol/caller-identity';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { toCustomer } from '../customers/customers.repository';

const MAX_CANDIDATES = 20;

/**
 * Whom a contact may be from, for the picker: customers with its number (a call) or its address
 * (an email, a form, a chat), else the people of the company owning the mail domain — ranked by
 * their last contact, most recent first, then by name. The agent chooses; nothing is guessed.
 */
export async function callerCandidates(
  db: Db,
  contact: Pick<Contact, 'from'>,
  region: PhoneRegion,
): Promise<CallerCandidate[]> {
  const from = contact.from.trim().toLowerCase();
  const phone = normalizePhone(from, region);
  const domain = from.includes('@') ? from.slice(from.lastIndexOf('@') + 1) : null;
  const matches = phone
    ? eq(customers.phone, phone)
    : domain
      ? or(eq(sql`lower(${customers.email})`, from), eq(sql`lower(${companies.domain})`, domain))
      : undefined;
  if (!matches) return [];
  const lastContact = db
    .select({ customerId: contacts.customerId, at: max(contacts.createdAt).as('last_at') })
    .from(contacts)
    .groupBy(contacts.customerId)
    .as('last_contact');
  const rows = await db
    .select({ customer: customers, company: companies, lastAt: lastContact.at })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .leftJoin(lastContact, eq(lastContact.customerId, customers.id))
    .where(matches)
    .orderBy(sql`${lastContact.at} desc nulls last`, customers.name)
    .limit(MAX_CANDIDATES);
  return rows.map((r) => ({
    ...toCustomer(r.customer, r.company),
    lastContactAt: r.lastAt ? new Date(r.lastAt).toISOString() : null,
  }));
}
