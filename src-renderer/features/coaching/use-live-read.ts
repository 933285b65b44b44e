import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../store/store';

export interface LiveRead<T> {
  data: T | undefined;
  failed: boolean;
  reload(): void;
}

/** Reads something the console does not cache (worklist, reports), again when the link comes back. */
export function useLiveRead<T>(read: () => Promise<T>, key: string): LiveRead<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  const isOnline = useAppStore((s) => s.connection === 'online');
  useEffect(() => {
    let current = true;
    read().then(
      (value) => {
        if (!current) return;
        setData(value);
        setFailed(false);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
    // `read` is rebuilt each render; `key` says when it reads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round, isOnline]);
  return { data, failed, reload: useCallback(() => setRound((r) => r + 1), []) };
}
