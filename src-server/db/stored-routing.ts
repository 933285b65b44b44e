import { z } from 'zod';
import type { AgentRouting } from '../../src-shared/protocol/routing-config';
import {
  ChannelCapacity,
  DEFAULT_CAPACITY,
  DEFAULT_OFFER_TIMEOUTS,
  QueueRouting,
} from '../../src-shared/protocol/routing-config';

/** What a queue routes with until an admin says otherwise: open around the clock, common targets. */
export const DEFAULT_QUEUE_ROUTING: QueueRouting = {
  requiredSkills: [],
  serviceLevels: {
    phone: { seconds: 20, percent: 80 },
    callback: { seconds: 300, percent: 90 },
    chat: { seconds: 60, percent: 80 },
    email: { seconds: 4 * 3600, percent: 90 },
    web: { seconds: 4 * 3600, percent: 90 },
  },
  businessHours: { timeZone: 'UTC', weekly: [], holidays: [] },
  offerTimeouts: DEFAULT_OFFER_TIMEOUTS,
  wrapUpMaxSeconds: 120,
  overflowAfterSeconds: 300,
  dispositions: [],
  intake: { addresses: [], numbers: [], sources: [], defaultFor: [] },
  declineCooldownSeconds: 60,
};

/**
 * A stored queue configuration (jsonb, outside input like any row): what parses is used, a part
 * that does not falls back to the default, so one bad field never stops a queue from routing.
 */
export function queueRoutingOf(stored: unknown): QueueRouting {
  // Every contact intake and routing pass reads its queue: the same stored value parses once.
  const key = JSON.stringify(stored);
  const known = parsedRouting.get(key);
  if (known) return known;
  // Shared by every caller, so nobody may change it in place.
  const parsed = deepFreeze(parseQueueRouting(stored));
  if (parsedRouting.size >= PARSED_ROUTING_KEPT) parsedRouting.clear();
  parsedRouting.set(key, parsed);
  return parsed;
}

/** Parsed queue configurations by their stored JSON (a handful of queues; cleared if it grows). */
const parsedRouting = new Map<string, QueueRouting>();
const PARSED_ROUTING_KEPT = 500;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function parseQueueRouting(stored: unknown): QueueRouting {
  const whole = QueueRouting.safeParse(stored);
  if (whole.success) return whole.data;
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(DEFAULT_QUEUE_ROUTING)) {
    const field = QueueRouting.shape[key as keyof QueueRouting].safeParse(fields[key]);
    result[key] = field.success ? field.data : fallback;
  }
  return QueueRouting.parse(result);
}

/** A stored agent capacity, or the default. */
export function capacityOf(stored: unknown): ChannelCapacity {
  const parsed = ChannelCapacity.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_CAPACITY;
}

export function agentRoutingOf(skills: AgentRouting['skills'], capacity: unknown): AgentRouting {
  return { skills, capacity: capacityOf(capacity) };
}

/** A stored proficiency held to 1–5 (the column does not enforce it). */
export const proficiencyOf = (stored: number): number => Math.min(5, Math.max(1, stored));

/** An agent's skills as SQL aggregates them, `[skillId, proficiency]` pairs, read as skills. */
export const StoredSkillPairs = z
  .array(z.tuple([z.string(), z.number()]))
  .transform((pairs) => pairs.map(([skillId, stored]) => ({ skillId, proficiency: proficiencyOf(stored) })));
