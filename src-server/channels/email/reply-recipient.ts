import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/database';
import { customers, messages, rawEmails } from '../../db/schema';
import type { CaseRow } from '../../features/cases/case-records';

export type MessageRow = typeof messages.$inferSelect;

const EmailAddress = z.email().max(320);
/** What inbound SMTP records for mail no person wrote (raw_emails.outcome). */
const AUTOMATED_OUTCOMES = ['auto_reply', 'bounce'];

interface InboundMessage {
  row: MessageRow;
  isAutomated: boolean;
}

async function inboundMessages(tx: Tx, caseId: string): Promise<InboundMessage[]> {
  const rows = await tx
    .select({ message: messages, outcome: rawEmails.outcome })
    .from(messages)
    .leftJoin(rawEmails, eq(rawEmails.id, messages.rawEmailId))
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.at))
    .limit(50);
  return rows.map((r) => ({ row: r.message, isAutomated: AUTOMATED_OUTCOMES.includes(r.outcome ?? '') }));
}

/**
 * The customer's latest message on the case that a person wrote (what a reply answers), email
 * first. Out-of-office answers and bounces are never answered: that is how mail loops start.
 */
export async function lastInboundMessage(tx: Tx, caseId: string): Promise<MessageRow | null> {
  const human = (await inboundMessages(tx, caseId)).filter((m) => !m.isAutomated).map((m) => m.row);
  return human.find((m) => m.channel === 'email') ?? human[0] ?? null;
}

/**
 * True when this address wrote to the case only through machines (an auto-responder, a mailer
 * daemon): the console must not mail it.
 */
export async function isAutomatedSender(tx: Tx, caseId: string, address: string): Promise<boolean> {
  const fromIt = (await inboundMessages(tx, caseId)).filter(
    (m) => m.row.fromAddress.toLowerCase() === address.toLowerCase(),
  );
  return fromIt.length > 0 && fromIt.every((m) => m.isAutomated);
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
