import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import { DEFAULT_OFFER_TIMEOUTS } from '../../../src-shared/protocol/routing-config';

/** Test data for the work cards: a queue asking for a disposition, and a contact in it. */
export const supportQueue: Queue = {
  id: 'q_support_en',
  name: 'Support EN',
  teamId: 'team_support_en',
  language: 'en',
  tier: 1,
  channels: ['phone', 'email'],
  routing: {
    requiredSkills: [],
    serviceLevels: {},
    businessHours: { timeZone: 'UTC', weekly: [], holidays: [] },
    offerTimeouts: DEFAULT_OFFER_TIMEOUTS,
    wrapUpMaxSeconds: 120,
    overflowAfterSeconds: 120,
    dispositions: ['resolved', 'callback_scheduled'],
    intake: { addresses: [], numbers: [], sources: [], defaultFor: [] },
    declineCooldownSeconds: 60,
  },
  version: 1,
};

export function contactFixture(overrides: Partial<Contact>): Contact {
  const now = new Date().toISOString();
  return {
    id: 'con_1',
    channel: 'phone',
    status: 'offered',
    provider: 'cti',
    ivr: {},
    heldAt: null,
    queueId: supportQueue.id,
    agentId: 'usr_ana',
    customerId: 'cus_1',
    caseId: null,
    from: '+14155550123',
    subject: 'Invoice export fails',
    language: 'en',
    impact: 'medium',
    urgency: 'medium',
    priority: 10,
    createdAt: now,
    queuedAt: now,
    dueAt: null,
    offerExpiresAt: new Date(Date.now() + 15_000).toISOString(),
    answeredAt: null,
    endedAt: null,
    wrapUpDueAt: null,
    closedAt: null,
    disposition: null,
    overflowLevel: 0,
    transfers: 0,
    declinedBy: [],
    reasons: ['chosen', 'idle_shorter'],
    version: 1,
    ...overrides,
  };
}
