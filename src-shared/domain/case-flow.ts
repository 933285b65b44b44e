import type { CaseStatus } from '../protocol/entities';

/**
 * The statuses a case may move to from each status (issue 15): worked (open), waiting on the
 * customer, escalated, resolved; a resolved case is reopened or closed; a closed case is final
 * (a new contact opens a new case). The server refuses every other move.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending_customer', 'escalated', 'resolved'],
  open: ['pending_customer', 'escalated', 'resolved'],
  pending_customer: ['open', 'escalated', 'resolved'],
  escalated: ['open', 'pending_customer', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function mayMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Resolved and closed cases no longer run against their SLA. */
export function isCaseSettled(status: CaseStatus): boolean {
  return status === 'resolved' || status === 'closed';
}
