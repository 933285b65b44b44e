import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { companies, contacts, customers } from '../db/schema';
import { normalizePhone, type PhoneRegion } from '../../src-shared/domain/phone';

/** Who is writing or calling, as far as the directory can tell without guessing. */
export interface Requester {
  /** Exactly one customer matched; null when none or several did (never a silent wrong match). */
  customerId: string | null;
  /** The company: the customer's, else the one owning the sender's mail domain. */
  companyId: string | null;
  /** The customer's (else the company's) language, when known. */
  language: string | null;
  /** How many customers matched (0, 1, or more: the console offers a picker). */
  matches: number;
  /** Matched by an agent's earlier choice for this number or address, not by the directory alone. */
  isRemembered?: boolean;
}

const NOBODY: Requester = { customerId: null, companyId: null, language: null, matches: 0 };

/** The sender of an email or web form: the customer with that address, else the company by domain. */
export async function requesterByEmail(tx: Tx, address: string): Promise<Requester> {
  const email = address.trim().toLowerCase();
  if (!email.includes('@')) return NOBODY;
  const rows = await tx
    .select({ id: customers.id, companyId: customers.companyId, language: customers.language })
    .from(customers)
    .where(eq(sql`lower(${customers.email})`, email))
    .limit(2);
  if (rows.length === 1) {
    const [row] = rows;
    return { customerId: row!.id, companyId: row!.companyId, language: row!.language, matches: 1 };
  }
  const remembered = await rememberedChoice(tx, email);
  if (remembered) return remembered;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const [company] = await tx
    .select({ id: companies.id, language: companies.language })
    .from(companies)
    .where(eq(sql`lower(${companies.domain})`, domain))
    .limit(1);
  return {
    customerId: null,
    companyId: company?.id ?? null,
    language: company?.language ?? null,
    matches: rows.length,
  };
}

/**
 * A caller by number (ANI, normalised to E.164, national numbers read in `region`): one match
 * pops; several or none pop whom an agent last chose for this number, else search.
 */
export async function requesterByPhone(tx: Tx, raw: string, region: PhoneRegion): Promise<Requester> {
  const phone = normalizePhone(raw, region);
  if (!phone) return NOBODY;
  const rows = await tx
    .select({ id: customers.id, companyId: customers.companyId, language: customers.language })
    .from(customers)
    .where(eq(customers.phone, phone))
    .limit(2);
  if (rows.length !== 1) return (await rememberedChoice(tx, phone)) ?? { ...NOBODY, matches: rows.length };
  const [row] = rows;
  return { customerId: row!.id, companyId: row!.companyId, language: row!.language, matches: 1 };
}

/** A customer id given by the channel (IVR input, a form's hidden field), if it exists. */
export async function requesterById(tx: Tx, customerId: string): Promise<Requester> {
  const [row] = await tx
    .select({ id: customers.id, companyId: customers.companyId, language: customers.language })
    .from(customers)
    .where(and(eq(customers.id, customerId)))
    .limit(1);
  return row ? { customerId: row.id, companyId: row.companyId, language: row.language, matches: 1 } : NOBODY;
}

/**
 * The customer an agent last said a number or address belongs to (`contact:identify`), when the
 * directory alone cannot tell: a shared number picked once pops the same person next time.
 */
async function rememberedChoice(tx: Tx, from: string): Promise<Requester | null> {
  const [row] = await tx
    .select({ id: customers.id, companyId: customers.companyId, language: customers.language })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(eq(sql`lower(${contacts.from})`, from.toLowerCase()), isNotNull(contacts.identifiedBy)))
    .orderBy(desc(contacts.identifiedAt))
    .limit(1);
  return row
    ? { customerId: row.id, companyId: row.companyId, language: row.language, matches: 1, isRemembered: true }
    : null;
}
