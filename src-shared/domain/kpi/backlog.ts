import type { CaseStatus } from '../../protocol/entities';
import type { BacklogSettings } from './settings';

/**
 * Backlog aging: the open cases now, by days pending. Not an interval measure — it is a picture of
 * the moment — so it is computed from the open cases with their pending-customer clock, which a
 * projection keeps with `observeCaseClock`.
 */

const DAY_MS = 86_400_000;
const CLOSED_STATUSES = new Set<CaseStatus>(['resolved', 'closed']);

/** A case's age clock: when it opened and how long it has waited on the customer. */
export interface CaseClock {
  caseId: string;
  createdAt: number;
  status: CaseStatus;
  /** Pending-customer time already over, in ms; and the stretch still running since. */
  pendingCustomerMs: number;
  pendingCustomerSince: number | null;
}

/** The clock after the case changed (`at`: the event's time) to `status`. */
export function observeCaseClock(
  clock: CaseClock | null,
  change: { caseId: string; createdAt: number; status: CaseStatus },
  at: number,
): CaseClock {
  const current = clock ?? { ...change, pendingCustomerMs: 0, pendingCustomerSince: null };
  let { pendingCustomerMs, pendingCustomerSince } = current;
  if (change.status === 'pending_customer' && pendingCustomerSince === null) pendingCustomerSince = at;
  if (change.status !== 'pending_customer' && pendingCustomerSince !== null) {
    pendingCustomerMs += Math.max(0, at - pendingCustomerSince);
    pendingCustomerSince = null;
  }
  return { ...current, status: change.status, pendingCustomerMs, pendingCustomerSince };
}

/** Days a case has been pending at `now` (pending-customer time left out when the setting says so). */
export function daysPending(clock: CaseClock, now: number, settings: BacklogSettings): number {
  const running = clock.pendingCustomerSince === null ? 0 : Math.max(0, now - clock.pendingCustomerSince);
  const excluded = settings.excludePendingCustomer ? clock.pendingCustomerMs + running : 0;
  return Math.max(0, now - clock.createdAt - excluded) / DAY_MS;
}

export interface BacklogBucket {
  /** Inclusive lower bound in days. */
  fromDays: number;
  /** Exclusive upper bound; null for the last, open-ended bucket. */
  toDays: number | null;
  count: number;
}

export interface BacklogAging {
  buckets: BacklogBucket[];
  /** Open cases counted. */
  n: number;
  /** Days pending of the oldest open case (null when there is none). */
  oldestDays: number | null;
  averageDays: number | null;
}

/** Open cases (not resolved or closed) grouped by days pending at `now`. */
export function backlogAging(
  clocks: Iterable<CaseClock>,
  now: number,
  settings: BacklogSettings,
): BacklogAging {
  const bounds = settings.bucketsFromDays;
  const buckets: BacklogBucket[] = bounds.map((fromDays, i) => ({
    fromDays,
    toDays: bounds[i + 1] ?? null,
    count: 0,
  }));
  let n = 0;
  let total = 0;
  let oldest: number | null = null;
  for (const clock of clocks) {
    if (CLOSED_STATUSES.has(clock.status)) continue;
    const days = daysPending(clock, now, settings);
    const bucket = buckets.findLast((b) => days >= b.fromDays);
    if (bucket) bucket.count += 1;
    n += 1;
    total += days;
    oldest = oldest === null ? days : Math.max(oldest, days);
  }
  return { buckets, n, oldestDays: oldest, averageDays: n === 0 ? null : total / n };
}
