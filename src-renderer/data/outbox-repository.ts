import { newOutboxEntry, OutboxEntry, type OutboxTransition } from '../../src-shared/domain/outbox';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { Note } from '../../src-shared/protocol/entities';
import { db } from './db';
import { putServerNote } from './sync-repository';
import { settlePendingWrite } from './pending-writes';
import { replyMessageIdOf } from './replies-repository';

/**
 * The outbox in write order. Rows are parsed like any stored input: one that no longer fits
 * the schema (an older console's, a damaged one) is dropped instead of being sent.
 */
export async function readOutbox(): Promise<OutboxEntry[]> {
  const rows: unknown[] = await db.outbox.orderBy('createdAt').toArray();
  const entries: OutboxEntry[] = [];
  for (const row of rows) {
    const parsed = OutboxEntry.safeParse(row);
    if (parsed.success) entries.push(parsed.data);
    else await db.outbox.delete(commandIdOf(row));
  }
  return entries;
}

function commandIdOf(row: unknown): string {
  return typeof row === 'object' && row !== null && 'commandId' in row ? String(row.commandId) : '';
}

/** Adds a command to the outbox; call inside the transaction that writes its optimistic row. */
export async function enqueue(
  command: { commandId: string; type: string; payload: unknown; expectedVersion?: number },
  now: number,
): Promise<void> {
  await db.outbox.add(newOutboxEntry(command, now));
}

/**
 * Records what became of one send: an accepted entry leaves the outbox and the server's answer
 * replaces the optimistic row; otherwise the entry is kept in its new state (retry, failed, conflict).
 */
export async function recordSendResult(
  entry: OutboxEntry,
  next: OutboxTransition,
  answer: unknown,
): Promise<void> {
  const tables = [db.outbox, db.notes, db.pendingWrites, db.contacts, db.agents, db.cases];
  await db.transaction('rw', tables, async () => {
    if (next.action === 'update') return void (await db.outbox.put(next.entry));
    await db.outbox.delete(entry.commandId);
    await settlePendingWrite(entry.commandId, answer);
    if (entry.type !== COMMAND_TYPES.addNote) return;
    const note = Note.safeParse(answer);
    if (note.success) await putServerNote(note.data);
    else await db.notes.where('pendingCommandId').equals(entry.commandId).modify({ pending: 0 });
  });
}

/** The person gives up on a refused or conflicting write: the entry and its optimistic row go. */
export async function discardOutboxEntry(commandId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.notes, db.messages, db.pendingWrites], async () => {
    const entry = await db.outbox.get(commandId);
    const replyId = entry ? replyMessageIdOf(entry) : null;
    if (replyId) await db.messages.delete(replyId);
    await db.outbox.delete(commandId);
    await db.notes.where('pendingCommandId').equals(commandId).delete();
    await db.pendingWrites.delete(commandId);
  });
}
