import type { OutboxEntry } from '../../src-shared/domain/outbox';
import { CaseSummary } from '../../src-shared/protocol/entities';
import { db } from './db';
import { OPTIMISTIC_TABLES } from './optimistic-rows';
import { discardOutboxEntry } from './outbox-repository';
import { queueCaseStatus } from './pending-writes';
import { applyCaseAnswer } from './sync-repository';

/** The case as the server has it, when this outbox entry is a conflict that carries it. */
export function serverCaseOf(entry: OutboxEntry | undefined): CaseSummary | null {
  if (entry?.status !== 'conflict') return null;
  const parsed = CaseSummary.safeParse(entry.problem?.details);
  return parsed.success ? parsed.data : null;
}

/** The outbox's own scope (discarding runs inside it), which holds the cases and pending writes. */
const CHOICE_TABLES = () => [db.outbox, ...OPTIMISTIC_TABLES];

/**
 * "Keep mine": the server's version becomes the one this console has seen, and the person's
 * status is queued again on top of it (a new command, checked against that version). When the
 * server already has the same status there is nothing left to send.
 */
export async function keepMyCaseStatus(commandId: string): Promise<void> {
  await db.transaction('rw', CHOICE_TABLES(), async () => {
    const entry = await db.outbox.get(commandId);
    const write = await db.pendingWrites.get(commandId);
    const server = serverCaseOf(entry);
    if (!server || write?.kind !== 'case-status') return;
    await applyCaseAnswer(server);
    await discardOutboxEntry(commandId);
    if (server.status !== write.payload.status) await queueCaseStatus(server, write.payload);
  });
}

/** "Keep the server's": the person's change is let go and the server's case shown. */
export async function keepServerCaseStatus(commandId: string): Promise<void> {
  await db.transaction('rw', CHOICE_TABLES(), async () => {
    const server = serverCaseOf(await db.outbox.get(commandId));
    if (server) await applyCaseAnswer(server);
    await discardOutboxEntry(commandId);
  });
}
