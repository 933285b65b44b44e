import { newOutboxEntry, OutboxEntry, type OutboxTransition } from '../../src-shared/domain/outbox';
import { db } from './db';
import { OPTIMISTIC_TABLES, optimisticRowAccepted, optimisticRowDiscarded } from './optimistic-rows';

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
 * replaces the optimistic row (as its kind describes, `optimistic-rows.ts`); otherwise the entry is
 * kept in its new state (retry, failed, conflict).
 */
export async function recordSendResult(
  entry: OutboxEntry,
  next: OutboxTransition,
  answer: unknown,
): Promise<void> {
  await db.transaction('rw', [db.outbox, ...OPTIMISTIC_TABLES], async () => {
    if (next.action === 'update') return void (await db.outbox.put(next.entry));
    await db.outbox.delete(entry.commandId);
    await optimisticRowAccepted(entry, answer);
  });
}

/** The person gives up on a refused or conflicting write: the entry and its optimistic row go. */
export async function discardOutboxEntry(commandId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, ...OPTIMISTIC_TABLES], async () => {
    const entry = await db.outbox.get(commandId);
    if (!entry) return;
    await db.outbox.delete(commandId);
    await optimisticRowDiscarded(entry);
  });
}
