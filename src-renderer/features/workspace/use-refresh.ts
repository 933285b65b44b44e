import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';
import { ApiRequestError } from '../../sync/http-client';

/** Why a refresh failed: no fresh copy to be had now, or the server does not show it to this person. */
export type RefreshFailure = 'unavailable' | 'not_visible';

/**
 * Loads fresh data from the server into the cache when `key` changes; the screen reads the
 * cache either way. Returns why the load failed, or null (the screen then says what it shows).
 */
export function useRefresh(key: string | null, load: (key: string) => Promise<void>): RefreshFailure | null {
  const [failed, setFailed] = useState<RefreshFailure | null>(null);
  // Loading again when the link comes back replaces a copy read while offline.
  const isOnline = useAppStore((s) => s.connection === 'online');
  useEffect(() => {
    if (!key) return;
    let current = true;
    load(key).then(
      () => current && setFailed(null),
      (err: unknown) =>
        current &&
        setFailed(err instanceof ApiRequestError && err.status === 404 ? 'not_visible' : 'unavailable'),
    );
    return () => {
      current = false;
    };
  }, [key, load, isOnline]);
  return failed;
}
