import type { Tx } from '../../db/database';
import { customers } from '../../db/schema';
import { eq } from 'drizzle-orm';
import type { CaseRow } from '../inbound-case';
import { requesterByEmail, requesterById, type Requester } from '../requester';

/** A web visitor: the customer id the page passed, if it exists, else whoever owns the address. */
export async function webRequester(tx: Tx, email: string, customerId?: string): Promise<Requester> {
  const byId = customerId ? await requesterById(tx, customerId) : null;
  return byId?.customerId ? byId : requesterByEmail(tx, email);
}

/**
 * Whether this address may write on the case: it asked the case itself, or it is the address of
 * the case's customer. Anyone else naming a case number gets a new case instead.
 */
export async function isCaseOf(tx: Tx, row: CaseRow, email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  if (row.requesterAddress.trim().toLowerCase() === address) return true;
  if (!row.customerId) return false;
  const [customer] = await tx
    .select({ email: customers.email })
    .from(customers)
    .where(eq(customers.id, row.customerId))
    .limit(1);
  return customer?.email.trim().toLowerCase() === address;
}
