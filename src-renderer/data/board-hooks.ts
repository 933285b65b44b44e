import { useLiveQuery } from 'dexie-react-hooks';
import type { Queue } from '../../src-shared/protocol/entities';
import { db } from './db';

/** Live reads for the supervisor's queues board and the routing admin; `undefined` while loading. */

/** Every queue this console knows, by name. */
export function useQueues(): Queue[] | undefined {
  return useLiveQuery(
    () => db.queues.toArray().then((queues) => queues.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}

/** Per agent: the contacts offered to or held by them (offered, active, wrap-up). */
export function useWorkCounts(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await db.contacts
      .where('status')
      .anyOf(['offered', 'active', 'wrap_up'])
      .each((c) => {
        if (c.agentId) counts.set(c.agentId, (counts.get(c.agentId) ?? 0) + 1);
      });
    return counts;
  }, []);
}
