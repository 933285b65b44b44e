import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { cases, messages, notes, products, users } from '../../db/schema';
import {
  Channel,
  NoteVisibility,
  type CaseDetail,
  type Message,
  type Note,
} from '../../../src-shared/protocol/entities';
import { caseSummaryColumns, findCustomer, toCaseSummary } from '../customers/customers.repository';

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

function toMessage(row: typeof messages.$inferSelect): Message {
  return {
    id: row.id,
    caseId: row.caseId,
    direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
    channel: Channel.catch('email').parse(row.channel),
    from: row.fromAddress,
    subject: row.subject,
    bodyText: row.bodyText,
    at: row.at.toISOString(),
  };
}

export async function findCaseDetail(db: Db, id: string): Promise<CaseDetail | null> {
  const [row] = await db
    .select(caseSummaryColumns)
    .from(cases)
    .innerJoin(products, eq(products.id, cases.productId))
    .where(eq(cases.id, id))
    .limit(1);
  if (!row) return null;
  const customer = await findCustomer(db, row.case.customerId);
  if (!customer) return null;
  const [noteRows, messageRows] = await Promise.all([
    db
      .select({ note: notes, authorName: users.displayName })
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(eq(notes.caseId, id))
      .orderBy(asc(notes.createdAt)),
    db.select().from(messages).where(eq(messages.caseId, id)).orderBy(asc(messages.at)),
  ]);
  return {
    ...toCaseSummary(row),
    customer,
    notes: noteRows.map((r) => toNote(r.note, r.authorName)),
    messages: messageRows.map(toMessage),
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
