import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { attachments, cases, contacts, messages, notes, products, users } from '../../db/schema';
import { seesEverything, type Actor } from '../auth/actor';
import { handledByCoachedAgent } from '../access/coached-contacts';
import {
  Channel,
  MessageDelivery,
  NoteVisibility,
  type AttachmentInfo,
  type CaseDetail,
  type Message,
  type Note,
} from '../../../src-shared/protocol/entities';
import { caseSummaryColumns, findCustomer, toCaseSummary } from '../customers/customers.repository';
import { escalationsOfCase } from './escalation-history';
import { findCaseCsat } from '../surveys/surveys.repository';

function toNote(row: typeof notes.$inferSelect, authorName: string): Note {
  return {
    id: row.id,
    caseId: row.caseId,
    authorId: row.authorId,
    authorName,
    body: row.body,
    visibility: NoteVisibility.catch('internal').parse(row.visibility),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMessage(row: typeof messages.$inferSelect, files: AttachmentInfo[] = []): Message {
  return {
    id: row.id,
    caseId: row.caseId,
    contactId: row.contactId,
    direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
    channel: Channel.catch('email').parse(row.channel),
    from: row.fromAddress,
    fromName: row.fromName,
    to: row.toAddresses,
    subject: row.subject,
    bodyText: row.bodyText,
    bodyHtml: row.bodyHtml,
    attachments: files,
    delivery: row.delivery === null ? null : MessageDelivery.catch('queued').parse(row.delivery),
    at: row.at.toISOString(),
  };
}

/** Attachment descriptions (never their content) of these messages, by message id. */
async function attachmentsOf(db: Db, messageIds: string[]): Promise<Map<string, AttachmentInfo[]>> {
  const byMessage = new Map<string, AttachmentInfo[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({
      id: attachments.id,
      messageId: attachments.messageId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
    })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const { messageId, ...info } of rows) {
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), info]);
  }
  return byMessage;
}

/**
 * Whether the actor may read the case: supervisors and admins every case; others the cases of the
 * queues they serve and those they worked on (held one of its contacts, e.g. before a transfer);
 * a coach also those an agent of their teams worked on.
 */
export async function mayReadCase(
  db: Db,
  actor: Actor,
  found: { id: string; queueId: string },
): Promise<boolean> {
  if (seesEverything(actor) || actor.queueIds.includes(found.queueId)) return true;
  // Worked on by them, or (for a coach) by an agent of a team they coach: the case under review.
  const [worked] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(eq(contacts.caseId, found.id), or(eq(contacts.agentId, actor.id), handledByCoachedAgent(actor))),
    )
    .limit(1);
  return worked !== undefined;
}

export async function findCaseDetail(db: Db, id: string): Promise<CaseDetail | null> {
  const [row] = await db
    .select(caseSummaryColumns)
    .from(cases)
    .leftJoin(products, eq(products.id, cases.productId))
    .where(eq(cases.id, id))
    .limit(1);
  if (!row) return null;
  const customer = row.case.customerId ? await findCustomer(db, row.case.customerId) : null;
  const [noteRows, messageRows] = await Promise.all([
    db
      .select({ note: notes, authorName: users.displayName })
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(eq(notes.caseId, id))
      .orderBy(asc(notes.createdAt)),
    db.select().from(messages).where(eq(messages.caseId, id)).orderBy(asc(messages.at)),
  ]);
  const files = await attachmentsOf(
    db,
    messageRows.map((m) => m.id),
  );
  return {
    ...toCaseSummary(row),
    customer,
    notes: noteRows.map((r) => toNote(r.note, r.authorName)),
    messages: messageRows.map((m) => toMessage(m, files.get(m.id))),
    escalations: await escalationsOfCase(db, id),
    csat: await findCaseCsat(db, id),
  };
}

/** Locks the case row for the rest of the transaction. */
export async function lockCase(tx: Tx, id: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function insertNote(
  tx: Tx,
  note: { id: string; caseId: string; authorId: string; body: string; visibility: string; createdAt: Date },
  authorName: string,
): Promise<Note> {
  const [row] = await tx.insert(notes).values(note).returning();
  if (!row) throw new Error('note insert returned nothing');
  return toNote(row, authorName);
}

export async function touchCase(tx: Tx, id: string, version: number, at: Date): Promise<void> {
  await tx.update(cases).set({ version, updatedAt: at }).where(eq(cases.id, id));
}

export async function noteExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: notes.id }).from(notes).where(eq(notes.id, id)).limit(1);
  return row !== undefined;
}
