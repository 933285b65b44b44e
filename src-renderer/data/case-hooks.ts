import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseSummary, Message } from '../../src-shared/protocol/entities';
import { db, type CachedNote } from './db';

/** Live reads of cases from the cache; `undefined` while loading. */

/** A customer's cases, most recently updated first. */
export function useCustomerCases(customerId: string): CaseSummary[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.cases.where('customerId').equals(customerId).toArray()).sort((a, b) =>
        b.updatedAt.localeCompare(a.updatedAt),
      ),
    [customerId],
  );
}

export function useCase(caseId: string): CaseSummary | undefined {
  return useLiveQuery(() => db.cases.get(caseId), [caseId]);
}

/** A case's messages, oldest first. */
export function useCaseMessages(caseId: string): Message[] | undefined {
  return useLiveQuery(() => db.messages.where('caseId').equals(caseId).sortBy('at'), [caseId]);
}

export interface NoteView extends CachedNote {
  isPending: boolean;
}

/** A case's notes, oldest first, each saying whether it still waits in the outbox. */
export function useCaseNotes(caseId: string): NoteView[] | undefined {
  return useLiveQuery(async () => {
    const notes = await db.notes.where('caseId').equals(caseId).sortBy('createdAt');
    return notes.map((note) => ({ ...note, isPending: note.pending === 1 }));
  }, [caseId]);
}
