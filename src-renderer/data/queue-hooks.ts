import { useLiveQuery } from 'dexie-react-hooks';
import type { Queue } from '../../src-shared/protocol/entities';
import { db } from './db';

/**
 * Every queue this console knows, by name (the board, the routing admin, where a call may be
 * transferred, a sampling plan's queues); `undefined` while loading.
 */
export function useQueues(): Queue[] | undefined {
  return useLiveQuery(
    () => db.queues.toArray().then((queues) => queues.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}
