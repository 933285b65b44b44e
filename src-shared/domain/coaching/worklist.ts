import type { WorkItemStatus } from '../../protocol/coaching-sampling';

/**
 * A coach's worklist: the contacts drawn for them (or picked by hand) with what is due, what is
 * overdue and what is done. Done means a submitted evaluation exists for the contact; a draft
 * does not count, so nothing disappears from the list before it is really scored.
 */

export interface WorkItemInput {
  contactId: string;
  agentId: string;
  source: 'sample' | 'manual';
  planId: string | null;
  /** UTC ms; null for a hand-picked contact without a date. */
  dueAt: number | null;
}

export interface WorkItemState extends WorkItemInput {
  status: WorkItemStatus;
}

export interface WorklistSummary {
  overdue: number;
  due: number;
  done: number;
}

const ORDER: Readonly<Record<WorkItemStatus, number>> = { overdue: 0, due: 1, done: 2 };

export function workItemStatus(item: WorkItemInput, isEvaluated: boolean, now: number): WorkItemStatus {
  if (isEvaluated) return 'done';
  return item.dueAt !== null && now >= item.dueAt ? 'overdue' : 'due';
}

/**
 * Every item with its status, in working order: overdue (longest overdue first), then due
 * (soonest first, undated last), then done. A contact listed twice (drawn and also picked by
 * hand) appears once, with its earliest due date.
 */
export function worklist(
  items: readonly WorkItemInput[],
  evaluatedContactIds: ReadonlySet<string>,
  now: number,
): WorkItemState[] {
  const byContact = new Map<string, WorkItemInput>();
  for (const item of items) {
    const held = byContact.get(item.contactId);
    if (!held || earlier(item.dueAt, held.dueAt)) byContact.set(item.contactId, item);
  }
  return [...byContact.values()]
    .map((item) => ({ ...item, status: workItemStatus(item, evaluatedContactIds.has(item.contactId), now) }))
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
        a.contactId.localeCompare(b.contactId),
    );
}

function earlier(a: number | null, b: number | null): boolean {
  return a !== null && (b === null || a < b);
}

export function summarizeWorklist(items: readonly WorkItemState[]): WorklistSummary {
  const summary: WorklistSummary = { overdue: 0, due: 0, done: 0 };
  for (const item of items) summary[item.status] += 1;
  return summary;
}
