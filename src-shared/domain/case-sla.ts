import type { CasePriority, CaseStatus } from '../protocol/entities';
import { isCaseSettled } from './case-flow';

const HOUR = 3_600_000;

/** How long a case may stay unresolved, by priority (the resolution target of docs/SLA). */
export const SLA_HOURS: Record<CasePriority, number> = { critical: 4, high: 8, medium: 24, low: 72 };

/** When a case of this priority is due, counted from when its unresolved clock started. */
export function slaDueAt(priority: CasePriority, since: Date): Date {
  return new Date(since.getTime() + SLA_HOURS[priority] * HOUR);
}

export type SlaState =
  { kind: 'running'; msLeft: number } | { kind: 'breached'; msOver: number } | { kind: 'stopped' };

/** Where the case stands against its due time now: time left, time over, or stopped (settled). */
export function slaState(status: CaseStatus, dueAt: string, now: number): SlaState {
  if (isCaseSettled(status)) return { kind: 'stopped' };
  const left = new Date(dueAt).getTime() - now;
  return left >= 0 ? { kind: 'running', msLeft: left } : { kind: 'breached', msOver: -left };
}
