import { eq } from 'drizzle-orm';
import type { Db } from '../../../src-server/db/database';
import { attachments, cases, contacts, messages, rawEmails } from '../../../src-server/db/schema';

/** What the server stored for one received email, read straight from the database. */
export async function storedEmail(db: Db, rawId: string) {
  const [raw] = await db.select().from(rawEmails).where(eq(rawEmails.id, rawId));
  if (!raw) throw new Error(`no raw email ${rawId}`);
  const found = await db.select().from(messages).where(eq(messages.rawEmailId, rawId));
  const message = found[0] ?? null;
  const files = message
    ? await db.select().from(attachments).where(eq(attachments.messageId, message.id))
    : [];
  const [kase] = message ? await db.select().from(cases).where(eq(cases.id, message.caseId)) : [];
  const contact = message?.contactId
    ? ((await db.select().from(contacts).where(eq(contacts.id, message.contactId)))[0] ?? null)
    : null;
  return { raw, message, files, kase: kase ?? null, contact };
}

export async function countRows(db: Db) {
  const [c] = await Promise.all([db.$count(cases)]);
  return {
    cases: c,
    contacts: await db.$count(contacts),
    messages: await db.$count(messages),
    raw: await db.$count(rawEmails),
  };
}
