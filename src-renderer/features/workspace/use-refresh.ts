import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';

/**
 * Loads fresh data from the server into the cache when `key` changes; the screen reads the
 * cache either way. Returns true when the load failed (the screen then says it shows the cached copy).
 */
export function useRefresh(key: string | null, load: (key: string) => Promise<void>): boolean {
  const [failed, setFailed] = useState(false);
  // Loading again when the link comes back replaces a copy read while offline.
  const isOnline = useAppStore((s) => s.connection === 'online');
  useEffect(() => {
    if (!key) return;
    let current = true;
    load(key).then(
      () => current && setFailed(false),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [key, load, isOnline]);
  return failed;
}
