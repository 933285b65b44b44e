import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact, QueueAlert } from '../../src-shared/protocol/contacts';
import type { Skill } from '../../src-shared/protocol/routing-config';
import { db } from './db';

/** Live reads of contacts, queue alerts and skills from the cache; `undefined` while loading. */

/** Contacts offered to or held by an agent (offered, active, wrap-up), oldest first. */
export function useMyWork(agentId: string | undefined): Contact[] | undefined {
  return useLiveQuery(async () => {
    if (!agentId) return [];
    const mine = await db.contacts.where('agentId').equals(agentId).toArray();
    return mine
      .filter((c) => c.status === 'offered' || c.status === 'active' || c.status === 'wrap_up')
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }, [agentId]);
}

/** The cached contacts among `ids` (those the cache does not hold are left out), by id. */
export function useContactsById(ids: readonly string[]): Map<string, Contact> | undefined {
  const key = [...ids].sort().join(',');
  return useLiveQuery(async () => {
    const found = await db.contacts.bulkGet(key === '' ? [] : key.split(','));
    return new Map(found.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  }, [key]);
}

/** Per queue: how many wait and since when the longest has waited. */
export interface QueueLoad {
  waiting: number;
  oldestQueuedAt: string | null;
}

export function useQueueLoads(): Map<string, QueueLoad> | undefined {
  return useLiveQuery(async () => {
    const loads = new Map<string, QueueLoad>();
    await db.contacts
      .where('status')
      .equals('queued')
      .each((c) => {
        const load = loads.get(c.queueId) ?? { waiting: 0, oldestQueuedAt: null };
        load.waiting += 1;
        if (!load.oldestQueuedAt || c.queuedAt < load.oldestQueuedAt) load.oldestQueuedAt = c.queuedAt;
        loads.set(c.queueId, load);
      });
    return loads;
  }, []);
}

/** Queue alerts still raised, newest first. */
export function useActiveAlerts(): QueueAlert[] | undefined {
  return useLiveQuery(
    async () => (await db.alerts.toArray()).filter((a) => a.active).sort((a, b) => b.at.localeCompare(a.at)),
    [],
  );
}

export function useSkills(): Skill[] | undefined {
  return useLiveQuery(
    () => db.skills.toArray().then((s) => s.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}
