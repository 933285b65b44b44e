import type { Tx } from '../db/database';
import type { TimerKind } from '../features/contacts/contact-timers';
import type { NewEvent } from '../features/sync/event-log';

/**
 * Deadlines that layers above routing own (a chat whose visitor did not come back, a reassignment's
 * response timer, escalation steps). Routing fires them in its deadline transaction without
 * importing those layers: the app registers them once at start.
 */
export type TimerHandler = (tx: Tx, contactId: string, now: Date) => Promise<NewEvent[]>;
/** A sweep of deadline rows its owner keeps itself, run in the same transaction as the timers. */
export type DeadlineSweep = (tx: Tx, now: Date, limit: number) => Promise<NewEvent[]>;

const timerHandlers = new Map<TimerKind, TimerHandler>();
const sweeps = new Map<string, DeadlineSweep>();

/** Registering a kind again replaces its handler (several apps in one process share the registry). */
export function registerTimerHandler(kind: TimerKind, handler: TimerHandler): void {
  timerHandlers.set(kind, handler);
}

/** Sweeps run in the order they were first registered. */
export function registerDeadlineSweep(name: string, sweep: DeadlineSweep): void {
  sweeps.set(name, sweep);
}

export function registeredTimerHandler(kind: string): TimerHandler | undefined {
  return timerHandlers.get(kind as TimerKind);
}

export function registeredSweeps(): DeadlineSweep[] {
  return [...sweeps.values()];
}
