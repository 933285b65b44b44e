import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseSummary, Message } from '../../src-shared/protocol/entities';
import { db, type CachedCaseCsat, type CachedNote } from './db';

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

/** The customer's survey answer on a case, once the case detail brought one; null when none. */
export function useCaseCsat(caseId: string): CachedCaseCsat | null | undefined {
  return useLiveQuery(async () => (await db.caseCsat.get(caseId)) ?? null, [caseId]);
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

/**
 * Cached cases matching a search: by number ("1042" or "#1042") or by subject or requester.
 * Works over the cases this console has seen (opened customers, pops, its own work).
 */
export function useCachedCaseSearch(query: string, limit = 5): CaseSummary[] | undefined {
  return useLiveQuery(async () => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const number = /^#?\d+$/.test(needle) ? Number(needle.replace('#', '')) : null;
    return db.cases
      .filter((c) =>
        number !== null
          ? c.number === number
          : `${c.subject} ${c.requesterName}`.toLowerCase().includes(needle),
      )
      .limit(limit)
      .toArray();
  }, [query, limit]);
}
