import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is exactly this tall (px). */
  rowHeight: number;
  /** The scrolling viewport's height (px). */
  height: number;
  /** Rows rendered above and below the visible ones, so a fast scroll shows no blank. */
  overscan?: number;
  itemKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  'aria-label': string;
}

/**
 * A list that renders only the rows in view (and a few around them), however many items it has,
 * windowed by @tanstack/react-virtual: a spacer as tall as all the rows keeps the scrollbar true,
 * the rendered rows sit at their offset. The viewport's height is fixed, so it is told rather
 * than measured.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 6,
  itemKey,
  renderRow,
  'aria-label': ariaLabel,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  // TanStack's virtualizer is mutable by design; this component is simply not auto-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 0, height },
    observeElementRect: (instance, report) => {
      report({ width: instance.scrollElement?.clientWidth ?? 0, height });
      return undefined;
    },
  });
  return (
    <div
      ref={viewport}
      role="list"
      aria-label={ariaLabel}
      tabIndex={0}
      data-testid="virtual-list"
      style={{ height, overflowY: 'auto', position: 'relative', contain: 'strict' }}
    >
      <div
        data-testid="virtual-list-spacer"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index] as T;
          return (
            <div
              key={itemKey(item)}
              role="listitem"
              aria-posinset={row.index + 1}
              aria-setsize={items.length}
              style={{ position: 'absolute', top: row.start, left: 0, right: 0, height: rowHeight }}
            >
              {renderRow(item, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
