import { useState, type CSSProperties, type ReactNode, type UIEvent } from 'react';

/** Which rows a scroll position shows: the visible ones plus `overscan` on each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): { first: number; last: number } {
  if (count === 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + viewportHeight) / rowHeight) - 1;
  const first = Math.min(count - 1, Math.max(0, firstVisible - overscan));
  const last = Math.min(count - 1, lastVisible + overscan);
  return { first, last: Math.max(first, last) };
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is exactly this tall (px): what makes the window arithmetic possible. */
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
 * A list that renders only the rows in view (and a few around them), however many items it has:
 * a spacer as tall as all the rows keeps the scrollbar true, the rendered rows sit at their offset.
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
  const [scrollTop, setScrollTop] = useState(0);
  const { first, last } = visibleRange(scrollTop, height, rowHeight, items.length, overscan);
  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const item = items[index] as T;
    const style: CSSProperties = {
      position: 'absolute',
      top: index * rowHeight,
      left: 0,
      right: 0,
      height: rowHeight,
    };
    rows.push(
      <div
        key={itemKey(item)}
        role="listitem"
        aria-posinset={index + 1}
        aria-setsize={items.length}
        style={style}
      >
        {renderRow(item, index)}
      </div>,
    );
  }
  return (
    <div
      role="list"
      aria-label={ariaLabel}
      tabIndex={0}
      data-testid="virtual-list"
      style={{ height, overflowY: 'auto', position: 'relative', contain: 'strict' }}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div
        data-testid="virtual-list-spacer"
        style={{ height: items.length * rowHeight, position: 'relative' }}
      >
        {rows}
      </div>
    </div>
  );
}
