import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import { DEFAULT_CAPACITY, DEFAULT_OFFER_TIMEOUTS } from '../../../src-shared/protocol/routing-config';

/** Test data for the supervisor's board: a queue, an agent and a contact, each with overrides. */

export function boardQueue(overrides: Partial<Queue> = {}): Queue {
  return {
    id: 'q1',
    name: 'Support',
    teamId: 't1',
    language: 'en',
    tier: 1,
    channels: ['phone', 'email'],
    routing: {
      requiredSkills: [],
      serviceLevels: { phone: { seconds: 20, percent: 80 }, email: { seconds: 3600, percent: 90 } },
      businessHours: { timeZone: 'UTC', weekly: [], holidays: [] },
      offerTimeouts: DEFAULT_OFFER_TIMEOUTS,
      wrapUpMaxSeconds: 120,
      overflowAfterSeconds: 120,
      dispositions: [],
      intake: { addresses: [], numbers: [], sources: [], defaultFor: [] },
      declineCooldownSeconds: 60,
    },
    version: 1,
    ...overrides,
  };
}

export function boardAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'ana',
    username: 'ana',
    displayName: 'Ana',
    roles: ['agent'],
    teamId: 't1',
    tier: 1,
    disabled: false,
    version: 1,
    languages: ['en'],
    state: 'available',
    reasonCode: null,
    stateSince: '2026-12-05T08:00:00Z',
    routing: { skills: [], capacity: DEFAULT_CAPACITY },
    missedOffers: 0,
    idleSince: '2026-12-05T08:00:00Z',
    ...overrides,
  };
}

export function boardContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    channel: 'email',
    status: 'queued',
    provider: 'smtp',
    ivr: {},
    heldAt: null,
    queueId: 'q1',
    agentId: null,
    customerId: null,
    caseId: null,
    from: 'cto@example.com',
    subject: 'Export fails',
    language: 'en',
    impact: 'medium',
    urgency: 'medium',
    priority: 10,
    createdAt: '2026-12-05T09:00:00Z',
    queuedAt: '2026-12-05T09:00:00Z',
    dueAt: null,
    offerExpiresAt: null,
    answeredAt: null,
    endedAt: null,
    wrapUpDueAt: null,
    closedAt: null,
    disposition: null,
    overflowLevel: 0,
    transfers: 0,
    declinedBy: [],
    reasons: [],
    version: 1,
    ...overrides,
  };
}
