import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/database';
import { customers, messages } from '../../db/schema';
import type { CaseRow } from '../inbound-case';

export type MessageRow = typeof messages.$inferSelect;

const EmailAddress = z.email().max(320);

/** The customer's latest message on the case (what a reply answers), email first. */
export async function lastInboundMessage(tx: Tx, caseId: string): Promise<MessageRow | null> {
  const rows = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.at))
    .limit(20);
  return rows.find((m) => m.channel === 'email') ?? rows[0] ?? null;
}

/**
 * Where a reply goes when the agent names no address: the last inbound sender, else the case's
 * requester, else its customer. Null when none of them is a valid email address (a phone case).
 */
export async function defaultRecipient(
  tx: Tx,
  kase: CaseRow,
  answered: MessageRow | null,
): Promise<string | null> {
  const candidates = [answered?.fromAddress, kase.requesterAddress];
  if (kase.customerId) {
    const [customer] = await tx
      .select({ email: customers.email })
      .from(customers)
      .where(eq(customers.id, kase.customerId));
    candidates.push(customer?.email);
  }
  for (const candidate of candidates) {
    const parsed = EmailAddress.safeParse(candidate?.trim());
    if (parsed.success) return parsed.data;
  }
  return null;
}
