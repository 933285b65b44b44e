import type { Tx } from '../../db/database';
import { customers } from '../../db/schema';
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../../features/cases/case-records';
import { requesterByEmail, requesterById, type Requester } from '../requester';

/**
 * A web visitor: the customer id the page passed when that customer has this address (a form
 * is posted by anyone, so an id alone never links a stranger to a customer), else whoever owns
 * the address.
 */
export async function webRequester(tx: Tx, email: string, customerId?: string): Promise<Requester> {
  if (customerId) {
    const byId = await requesterById(tx, customerId);
    if (byId.customerId && (await customerHasAddress(tx, byId.customerId, email))) return byId;
  }
  return requesterByEmail(tx, email);
}

async function customerHasAddress(tx: Tx, customerId: string, email: string): Promise<boolean> {
  const [customer] = await tx
    .select({ email: customers.email })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  return customer?.email.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * Whether this address may write on the case: it asked the case itself, or it is the address of
 * the case's customer. Anyone else naming a case number gets a new case instead.
 */
export async function isCaseOf(tx: Tx, row: CaseRow, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  if (row.requesterAddress.trim().toLowerCase() === address) return true;
  return row.customerId !== null && customerHasAddress(tx, row.customerId, address);
}
