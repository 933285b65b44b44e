/** What the waiting order reads of a contact. */
export interface Waiting {
  priority: number;
  /** ISO timestamp. */
  queuedAt: string;
}

/**
 * The one order a console lists waiting contacts in (the agent's queue, the supervisor's queue
 * drawer): by priority as shown, in whole points — each contact was scored at its own last
 * routing pass, so fractions differ by when, not by need — then longest waiting first.
 */
export function byWaitingOrder(a: Waiting, b: Waiting): number {
  return Math.round(b.priority) - Math.round(a.priority) || a.queuedAt.localeCompare(b.queuedAt);
}
