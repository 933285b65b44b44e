import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * A live query whose answers reach React at most once per animation frame: when events arrive
 * faster than the screen repaints (a busy floor), only the newest answer of each frame renders.
 * `undefined` until the first answer.
 */
export function useFrameLiveQuery<T>(querier: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let frame: number | null = null;
    let latest: T | undefined;
    const subscription = liveQuery(querier).subscribe({
      next: (next) => {
        latest = next;
        frame ??= requestAnimationFrame(() => {
          frame = null;
          setValue(latest);
        });
      },
      error: (err: unknown) => console.error('board query failed', err),
    });
    return () => {
      subscription.unsubscribe();
      if (frame !== null) cancelAnimationFrame(frame);
    };
    // The caller's deps stand for the querier, which it rebuilds on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
