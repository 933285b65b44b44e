import { DEFAULT_CAPACITY, DEFAULT_OFFER_TIMEOUTS } from '../../../protocol/routing-config';
import type { RoutingAgent, RoutingContact, RoutingQueue } from '../types';

/** A fixed "now" for examples: Monday 2025-06-02 12:00 UTC. */
export const NOW = Date.UTC(2025, 5, 2, 12, 0, 0);

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** An Available English tier-1 agent of team `t1`, idle for a minute, holding nothing. */
export function makeAgent(overrides: Partial<RoutingAgent> = {}): RoutingAgent {
  const id = overrides.id ?? 'a1';
  return {
    id,
    displayName: `Agent ${id}`,
    teamId: 't1',
    tier: 1,
    languages: ['en'],
    state: 'available',
    routing: { skills: [{ skillId: 'billing', proficiency: 3 }], capacity: { ...DEFAULT_CAPACITY } },
    idleSince: NOW - MINUTE,
    holdings: [],
    ...overrides,
  };
}

/** An open-all-hours English tier-1 queue of team `t1` requiring billing ≥ 2, phone SLA 20 s. */
export function makeQueue(overrides: Partial<RoutingQueue> = {}): RoutingQueue {
  return {
    id: 'q1',
    teamId: 't1',
    language: 'en',
    tier: 1,
    channels: ['phone', 'email', 'web', 'chat', 'callback'],
    routing: {
      requiredSkills: [{ skillId: 'billing', minProficiency: 2 }],
      serviceLevels: { phone: { seconds: 20, percent: 80 } },
      businessHours: { timeZone: 'UTC', weekly: [], holidays: [] },
      offerTimeouts: { ...DEFAULT_OFFER_TIMEOUTS },
      wrapUpMaxSeconds: 120,
      overflowAfterSeconds: 0,
      dispositions: [],
      intake: { addresses: [], numbers: [], sources: [], defaultFor: [] },
      declineCooldownSeconds: 0,
    },
    ...overrides,
  };
}

/** A low×low English phone contact of queue `q1` from an unknown customer, queued just now. */
export function makeContact(overrides: Partial<RoutingContact> = {}): RoutingContact {
  return {
    id: 'c1',
    channel: 'phone',
    queueId: 'q1',
    language: 'en',
    impact: 'low',
    urgency: 'low',
    customerTier: null,
    queuedAt: NOW,
    declinedBy: [],
    ...overrides,
  };
}

/** The queue with its routing rules partly replaced. */
export function withRouting(queue: RoutingQueue, routing: Partial<RoutingQueue['routing']>): RoutingQueue {
  return { ...queue, routing: { ...queue.routing, ...routing } };
}
