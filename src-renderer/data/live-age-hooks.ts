import { useLiveQuery } from 'dexie-react-hooks';
import { readLiveUntil } from './meta-repository';

/** When the cache last matched the server (epoch ms); null if it never did or is still loading. */
export function useLiveUntil(): number | null {
  return useLiveQuery(() => readLiveUntil(), []) ?? null;
}
