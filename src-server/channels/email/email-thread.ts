import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { contacts, messages } from '../../db/schema';
import { OPEN_CONTACT_STATUSES } from '../../../src-shared/protocol/contacts';
import { findCaseById, findCaseByNumber, type CaseRow } from '../../features/cases/case-records';
import { caseNumberInSubject } from './mail-text';
import type { ParsedEmail } from './email-parse';

/**
 * The case an email continues: the case of the closest message it answers (In-Reply-To, then
 * References newest first, inbound or outbound), else the case tagged `[#number]` in its subject.
 */
export async function caseOfThread(
  tx: Tx,
  email: Pick<ParsedEmail, 'ancestors' | 'subject'>,
): Promise<{ row: CaseRow; by: 'references' | 'subject' } | null> {
  if (email.ancestors.length > 0) {
    const known = await tx
      .select({ messageId: messages.messageId, caseId: messages.caseId })
      .from(messages)
      .where(inArray(messages.messageId, email.ancestors));
    for (const ancestor of email.ancestors) {
      const hit = known.find((m) => m.messageId === ancestor);
      const row = hit ? await findCaseById(tx, hit.caseId) : null;
      if (row) return { row, by: 'references' };
    }
  }
  const number = caseNumberInSubject(email.subject);
  const row = number === null ? null : await findCaseByNumber(tx, number);
  return row ? { row, by: 'subject' } : null;
}

/** Whether this Message-ID is stored already (a re-delivery): then nothing new happens. */
export async function isKnownMessageId(tx: Tx, messageId: string): Promise<boolean> {
  // Serialises concurrent deliveries of one Message-ID until this transaction ends.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${messageId}))`);
  const [row] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(eq(messages.messageId, messageId))
    .limit(1);
  return row !== undefined;
}

/** The case's email contact still in the queue or being worked, if there is one. */
export async function openEmailContactOf(tx: Tx, caseId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.caseId, caseId),
        eq(contacts.channel, 'email'),
        inArray(contacts.status, [...OPEN_CONTACT_STATUSES]),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}
