import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';

/** How many reassignment events this console has seen: the audit reads again when it grows. */
export function useReassignmentCount(): number | undefined {
  return useLiveQuery(() => db.reassignments.count(), []);
}
