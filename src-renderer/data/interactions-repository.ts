import { useLiveQuery } from 'dexie-react-hooks';
import { InteractionsResponse, type Interaction } from '../../src-shared/protocol/interactions';
import { db } from './db';

/** Kept in the key-value table, one row per customer: the pop shows them offline and after a reload. */
const keyOf = (customerId: string) => `interactions:${customerId}`;

export async function cacheInteractions(customerId: string, interactions: Interaction[]): Promise<void> {
  await db.meta.put({ key: keyOf(customerId), value: { interactions } });
}

/** A customer's cached last interactions, newest first; `undefined` while loading or never read. */
export function useInteractions(customerId: string): Interaction[] | undefined {
  return useLiveQuery(async () => {
    const row = await db.meta.get(keyOf(customerId));
    const parsed = InteractionsResponse.safeParse(row?.value);
    return parsed.success ? parsed.data.interactions : undefined;
  }, [customerId]);
}
