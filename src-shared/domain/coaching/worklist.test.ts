import { describe, expect, it } from 'vitest';
import { summarizeWorklist, worklist, type WorkItemInput } from './worklist';

const NOW = Date.parse('2026-03-12T10:00:00Z');
const DAY = 86_400_000;

const item = (
  contactId: string,
  dueAt: number | null,
  source: 'sample' | 'manual' = 'sample',
): WorkItemInput => ({
  contactId,
  agentId: 'ana',
  source,
  planId: source === 'sample' ? 'plan_1' : null,
  dueAt,
});

describe('worklist', () => {
  it('orders overdue first (longest overdue first), then due (soonest first, undated last), then done', () => {
    const items = [
      item('due_later', NOW + 3 * DAY),
      item('done', NOW - 5 * DAY),
      item('undated', null, 'manual'),
      item('overdue_1d', NOW - DAY),
      item('due_soon', NOW + DAY),
      item('overdue_4d', NOW - 4 * DAY),
    ];
    const list = worklist(items, new Set(['done']), NOW);
    expect(list.map((i) => [i.contactId, i.status])).toEqual([
      ['overdue_4d', 'overdue'],
      ['overdue_1d', 'overdue'],
      ['due_soon', 'due'],
      ['due_later', 'due'],
      ['undated', 'due'],
      ['done', 'done'],
    ]);
    expect(summarizeWorklist(list)).toEqual({ overdue: 2, due: 3, done: 1 });
  });

  it('is overdue from the due instant on', () => {
    expect(worklist([item('c', NOW)], new Set(), NOW)[0]?.status).toBe('overdue');
    expect(worklist([item('c', NOW + 1)], new Set(), NOW)[0]?.status).toBe('due');
  });

  it('lists a contact drawn and also picked by hand once, with its earliest due date', () => {
    const list = worklist(
      [item('c', NOW + 2 * DAY), item('c', NOW + DAY, 'manual'), item('c', null, 'manual')],
      new Set(),
      NOW,
    );
    expect(list).toEqual([{ ...item('c', NOW + DAY, 'manual'), status: 'due' }]);
  });
});
