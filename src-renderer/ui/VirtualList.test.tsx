// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList';

afterEach(cleanup);

const ITEMS = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, label: `Contact ${i}` }));
const ROW_HEIGHT = 40;
const HEIGHT = 400; // ten rows in view

function renderList() {
  return render(
    <VirtualList
      items={ITEMS}
      rowHeight={ROW_HEIGHT}
      height={HEIGHT}
      overscan={5}
      itemKey={(item) => item.id}
      renderRow={(item) => <span>{item.label}</span>}
      aria-label="Waiting contacts"
    />,
  );
}

const renderedLabels = () => screen.getAllByRole('listitem').map((row) => row.textContent);

describe('VirtualList', () => {
  it('renders only a window of rows out of 10,000, over a spacer as tall as all of them', () => {
    renderList();
    const rows = screen.getAllByRole('listitem');
    // 10 in view + 5 overscan below; none above the first.
    expect(rows).toHaveLength(15);
    expect(rows[0]?.textContent).toBe('Contact 0');
    expect(screen.getByTestId('virtual-list-spacer').style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
  });

  it('renders other rows, at their own offsets, once the list scrolls', () => {
    renderList();
    const viewport = screen.getByRole('list', { name: 'Waiting contacts' });
    viewport.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(viewport);

    const labels = renderedLabels();
    expect(labels).not.toContain('Contact 0');
    expect(labels).toContain('Contact 5000');
    expect(labels).toContain('Contact 4995'); // overscan above
    expect(labels).toHaveLength(20); // 10 in view + 5 overscan each side
    const row5000 = screen.getByText('Contact 5000').parentElement;
    expect(row5000?.style.top).toBe(`${5_000 * ROW_HEIGHT}px`);
    expect(row5000?.getAttribute('aria-posinset')).toBe('5001');

    viewport.scrollTop = 9_990 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    expect(renderedLabels()).toContain('Contact 9999');
    expect(renderedLabels()).not.toContain('Contact 5000');
  });
});
