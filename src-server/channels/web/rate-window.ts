/**
 * A fixed-window counter: at most `max` hits per `windowMs` per key. In memory, per node: it
 * guards this process against one noisy client, it is not an accounting record.
 */
export function createRateWindow(max: number, windowMs: number, clock: () => number = Date.now) {
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    /** Counts a hit; false when the key is over its limit in the current window. */
    allow(key: string): boolean {
      const now = clock();
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        if (windows.size > 10_000) windows.clear(); // a flood of keys must not grow memory without end
        windows.set(key, { start: now, hits: 1 });
        return true;
      }
      current.hits += 1;
      return current.hits <= max;
    },
    forget(key: string): void {
      windows.delete(key);
    },
  };
}
