import type { Channel } from '../../protocol/channels';
import type { Level } from '../../protocol/contacts';
import type { CustomerTier } from '../../protocol/entities';
import type { Priority, RoutingContact, RoutingQueue } from './types';

/**
 * Routing priority = impact×urgency matrix + customer tier bonus + SLA pressure + age.
 * The table, the constants and a worked example are in docs/ROUTING.md; change them together.
 */

/** Points per cell, impact (rows) × urgency (columns). Critical×critical leads every other cell by 30. */
export const PRIORITY_MATRIX: Readonly<Record<Level, Readonly<Record<Level, number>>>> = {
  low: { low: 0, medium: 5, high: 10, critical: 20 },
  medium: { low: 5, medium: 15, high: 25, critical: 40 },
  high: { low: 10, medium: 25, high: 45, critical: 70 },
  critical: { low: 20, medium: 40, high: 70, critical: 100 },
};

/** Bonus per customer tier; the largest (20) is below the lead of critical×critical (30). */
export const TIER_BONUS: Readonly<Record<CustomerTier | 'unknown', number>> = {
  platinum: 20,
  gold: 12,
  silver: 6,
  bronze: 2,
  unknown: 0,
};

/** SLA pressure at the moment of breach; above every low-impact cell plus the largest tier bonus. */
export const SLA_AT_BREACH = 50;

/** Service-level threshold per channel when the queue sets none for it. */
export const DEFAULT_SLA_SECONDS: Readonly<Record<Channel, number>> = {
  phone: 20,
  chat: 60,
  web: 4 * 3600,
  email: 4 * 3600,
  callback: 5 * 60,
};

/** Points of age per doubling of (1 + minutes waited): under 5 (the smallest matrix step) for 30 minutes. */
export const AGE_WEIGHT = 1;

/** Which contact to route first: higher score first; the key `compareForRouting` reads. */
export interface RoutingOrderKey {
  priority: Priority;
  queuedAt: number;
  id: string;
  /** When a supervisor jumped it ahead of the line; absent or null when not. */
  jumpedAt?: number | null;
}

/**
 * The contact's priority now, with its parts: matrix cell + tier bonus + SLA pressure (from the
 * queue's service level for the channel, or the channel default) + a small age term.
 */
export function priorityOf(contact: RoutingContact, queue: RoutingQueue, now: number): Priority {
  const thresholdSeconds = queue.routing.serviceLevels[contact.channel]?.seconds;
  return priorityWithThreshold(contact, thresholdSeconds, now);
}

/**
 * Like `priorityOf` for a contact whose queue is unknown or has no target for its channel
 * (`thresholdSeconds` undefined: the channel default).
 */
export function priorityWithThreshold(
  contact: RoutingContact,
  thresholdSeconds: number | undefined,
  now: number,
): Priority {
  const waitedSeconds = Math.max(0, (now - contact.queuedAt) / 1000);
  const threshold = thresholdSeconds ?? DEFAULT_SLA_SECONDS[contact.channel];
  const parts = {
    matrix: PRIORITY_MATRIX[contact.impact][contact.urgency],
    tier: TIER_BONUS[contact.customerTier ?? 'unknown'],
    sla: slaPressure(waitedSeconds / threshold),
    age: AGE_WEIGHT * Math.log2(1 + waitedSeconds / 60),
  };
  return { score: parts.matrix + parts.tier + parts.sla + parts.age, parts };
}

/**
 * SLA pressure for a wait of `ratio` × the threshold: linear up to `SLA_AT_BREACH` at the breach,
 * then still growing, logarithmically, with the same slope at the breach (50 · (1 + ln ratio)).
 */
export function slaPressure(ratio: number): number {
  if (ratio <= 1) return SLA_AT_BREACH * Math.max(0, ratio);
  return SLA_AT_BREACH * (1 + Math.log(ratio));
}

/**
 * Routing order, a total order: contacts a supervisor jumped ahead first (the earlier jump first),
 * then higher score, then earlier `queuedAt`, then `id`.
 */
export function compareForRouting(a: RoutingOrderKey, b: RoutingOrderKey): number {
  const jumpedA = a.jumpedAt ?? null;
  const jumpedB = b.jumpedAt ?? null;
  if (jumpedA !== jumpedB) {
    // A supervisor's jump outranks any score: it is the "jump this customer ahead" they asked for.
    if (jumpedA === null) return 1;
    if (jumpedB === null) return -1;
    return jumpedA - jumpedB;
  }
  if (a.priority.score !== b.priority.score) return b.priority.score - a.priority.score;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
