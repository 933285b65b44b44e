import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact } from '../../src-shared/protocol/contacts';
import { byWaitingOrder } from '../../src-shared/domain/waiting-order';
import { db } from './db';

/** Live reads for the agent's own work on the Queue screen; `undefined` while loading. */

/** Contacts waiting in any of these queues, in the waiting order (`byWaitingOrder`). */
export function useWaitingInQueues(queueIds: readonly string[] | undefined): Contact[] | undefined {
  const key = queueIds?.join(',');
  return useLiveQuery(async () => {
    if (!queueIds) return undefined;
    if (queueIds.length === 0) return [];
    const waiting = await db.contacts
      .where('[queueId+status]')
      .anyOf(queueIds.map((queueId) => [queueId, 'queued']))
      .toArray();
    return waiting.sort(byWaitingOrder);
    // The joined ids stand for the array, which callers rebuild on every render.
  }, [key]);
}
