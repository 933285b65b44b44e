import { describe, expect, it } from 'vitest';
import { filterPalette, matchesQuery } from './palette-actions';

const go = { id: 'go:supervisor', label: 'Go to Supervisor', keywords: ['board'] };
const away = { id: 'state:away', label: 'Go Away – Lunch', description: 'Alt+3' };

describe('command palette filter', () => {
  it('finds an action by every word of the query, in its label, description or keywords', () => {
    expect(matchesQuery(go, 'go sup')).toBe(true);
    expect(matchesQuery(go, 'BOARD')).toBe(true);
    expect(matchesQuery(away, 'lunch alt')).toBe(true);
    expect(matchesQuery(go, 'lunch')).toBe(false);
  });

  it('filters the actions but keeps customers and cases as searched, dropping empty groups', () => {
    const filter = filterPalette('Actions');
    const customers = { group: 'Customers', actions: [{ id: 'customer:1', label: 'Jane Doe' }] };
    const result = filter('lunch', [
      { group: 'Actions', actions: [go, away] },
      customers,
      { group: 'Cases', actions: [] },
    ]);
    expect(result).toEqual([{ group: 'Actions', actions: [away] }, customers]);
  });
});
