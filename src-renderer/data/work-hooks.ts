import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact } from '../../src-shared/protocol/contacts';
import type { Customer } from '../../src-shared/protocol/entities';
import { db } from './db';

/** Live reads for the agent's own work on the Queue screen; `undefined` while loading. */

/** Contacts waiting in any of these queues: highest priority first, then longest waiting. */
export function useWaitingInQueues(queueIds: readonly string[] | undefined): Contact[] | undefined {
  const key = queueIds?.join(',');
  return useLiveQuery(async () => {
    if (!queueIds) return undefined;
    if (queueIds.length === 0) return [];
    const waiting = await db.contacts
      .where('[queueId+status]')
      .anyOf(queueIds.map((queueId) => [queueId, 'queued']))
      .toArray();
    // By priority as shown (whole points: each was scored at its own last pass, so fractions
    // differ by when, not by need), then longest waiting first.
    return waiting.sort(
      (a, b) => Math.round(b.priority) - Math.round(a.priority) || a.queuedAt.localeCompare(b.queuedAt),
    );
    // The joined ids stand for the array, which callers rebuild on every render.
  }, [key]);
}

/** A contact's customer when the cache has it (null: no customer, or not loaded yet). */
export function useCachedCustomer(customerId: string | null): Customer | null | undefined {
  return useLiveQuery(
    async () => (customerId ? ((await db.customers.get(customerId)) ?? null) : null),
    [customerId],
  );
}
