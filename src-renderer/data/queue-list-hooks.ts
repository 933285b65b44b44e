import { useLiveQuery } from 'dexie-react-hooks';
import type { Queue } from '../../src-shared/protocol/entities';
import { db } from './db';

/** Every cached queue, by name (e.g. where a call may be transferred); `undefined` while loading. */
export function useAllQueues(): Queue[] | undefined {
  return useLiveQuery(
    () => db.queues.toArray().then((queues) => queues.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}
