import { useLiveQuery } from 'dexie-react-hooks';
import type { OutboxEntry } from '../../src-shared/domain/outbox';
import { db } from './db';
import { latestPendingWrite, type PendingKind, type PendingWrite } from './pending-writes';

/** Writes still on their way to the server (failed and conflicting ones are counted apart). */
export function useUnsentCount(): number {
  return useLiveQuery(() => db.outbox.where('status').equals('pending').count(), []) ?? 0;
}

/** Writes the server refused or found in conflict, oldest first, waiting for the person. */
export function useOutboxProblems(): OutboxEntry[] {
  return (
    useLiveQuery(() => db.outbox.where('status').anyOf('failed', 'conflict').sortBy('createdAt'), []) ?? NONE
  );
}

const NONE: OutboxEntry[] = [];

/** The latest offline write waiting for this target (a wrap-up, an agent state request), if any. */
export function usePendingWrite(kind: PendingKind, targetId: string | undefined): PendingWrite | undefined {
  return useLiveQuery(() => (targetId ? latestPendingWrite(kind, targetId) : undefined), [kind, targetId]);
}

/** One outbox entry by its command id (to show whether it is pending, refused or in conflict). */
export function useOutboxEntry(commandId: string | undefined): OutboxEntry | undefined {
  return useLiveQuery(() => (commandId ? db.outbox.get(commandId) : undefined), [commandId]);
}
