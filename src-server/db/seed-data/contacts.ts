import type { Channel } from '../../../src-shared/protocol/entities';
import type { Random } from '../../../src-shared/domain/random';
import type * as schema from '../schema';
import type { CaseRow } from './cases';
import type { CompanyRow, CustomerRow } from './companies';
import { QUEUES, QUEUE_IDS } from './organisation';
import { DAY_MS, busyMomentOn, seconds, startOfUtcDay, triangular } from './timing';

export type ContactRow = typeof schema.contacts.$inferInsert & { createdAt: Date };

export interface ContactsInput {
  rng: Random;
  now: Date;
  companies: readonly CompanyRow[];
  customers: readonly CustomerRow[];
  cases: readonly CaseRow[];
  agentsByQueue: ReadonlyMap<string, readonly string[]>;
  /** Full days of history before today; today's contacts up to `now` come on top. */
  days?: number;
}

export const DISPOSITIONS = [
  'resolved',
  'workaround',
  'escalated',
  'callback_scheduled',
  'no_fault_found',
] as const;

// prettier-ignore
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['phone', 45], ['email', 30], ['chat', 15], ['web', 7], ['callback', 3],
];
// prettier-ignore
const DISPOSITION_WEIGHTS = [
  ['resolved', 55], ['workaround', 15], ['escalated', 10], ['callback_scheduled', 8], ['no_fault_found', 12],
] as const;
/** Contacts per UTC weekday (Sunday first): Mondays are busiest, weekends quiet. */
const VOLUME_BY_WEEKDAY: readonly (readonly [min: number, max: number])[] = [
  [8, 18],
  [105, 120],
  [85, 105],
  [80, 100],
  [80, 100],
  [62, 82],
  [14, 26],
];
// Only live channels are abandoned: a caller hangs up, a chat visitor leaves.
const ABANDON_RATE: Partial<Record<Channel, number>> = { phone: 0.085, chat: 0.07 };
const LIVE_CHANNELS: ReadonlySet<Channel> = new Set(['phone', 'chat', 'callback']);

/** Seconds from arrival to answer, and of handling, per channel: calls in seconds, email in hours. */
function timingsFor(channel: Channel, rng: Random): { waitS: number; handleS: number } {
  switch (channel) {
    case 'phone':
      return {
        waitS: rng.weighted([
          [triangular(rng, 3, 8, 20), 60],
          [triangular(rng, 20, 45, 180), 32],
          [triangular(rng, 180, 240, 600), 8],
        ]),
        handleS: triangular(rng, 120, 360, 1500),
      };
    case 'chat':
      return { waitS: triangular(rng, 5, 25, 180), handleS: triangular(rng, 240, 600, 1800) };
    case 'callback':
      return { waitS: triangular(rng, 0, 60, 600), handleS: triangular(rng, 180, 420, 1200) };
    case 'email':
      return { waitS: triangular(rng, 600, 5400, 28_800), handleS: triangular(rng, 120, 480, 1500) };
    case 'web':
      return { waitS: triangular(rng, 900, 7200, 21_600), handleS: triangular(rng, 120, 420, 1200) };
  }
}

const queueAccepts = (queueId: string, channel: Channel) =>
  QUEUES.find((q) => q.id === queueId)?.channels.includes(channel) ?? false;

/** Past contacts for the last `days` days and today up to `now`, all finished before `now`. */
export function generateContacts(input: ContactsInput): ContactRow[] {
  const { rng, now, customers, agentsByQueue, days = 30 } = input;
  const companyById = new Map(input.companies.map((c) => [c.id, c]));
  const casesByCustomer = new Map<string, CaseRow[]>();
  for (const row of input.cases) {
    if (!row.customerId) continue;
    const list = casesByCustomer.get(row.customerId) ?? [];
    list.push(row);
    casesByCustomer.set(row.customerId, list);
  }

  const contacts: ContactRow[] = [];
  const today = startOfUtcDay(now);
  for (let offset = days; offset >= 0; offset--) {
    const dayStart = today - offset * DAY_MS;
    const [min, max] = VOLUME_BY_WEEKDAY[new Date(dayStart).getUTCDay()] ?? [60, 120];
    const volume = rng.int(min, max);
    for (let n = 0; n < volume; n++) {
      const createdAt = busyMomentOn(dayStart, rng);
      let channel = rng.weighted(CHANNEL_WEIGHTS);
      const hour = createdAt.getUTCHours();
      // Phones and chat are staffed 7:00-20:00; at night people write instead.
      if (LIVE_CHANNELS.has(channel) && (hour < 7 || hour >= 20)) channel = 'email';

      const customer = rng.chance(0.9) ? rng.pick(customers) : null;
      const company = customer ? companyById.get(customer.companyId) : undefined;
      const openCases = (customer ? (casesByCustomer.get(customer.id) ?? []) : []).filter(
        (c) =>
          c.createdAt <= createdAt &&
          (c.status === 'resolved' || c.status === 'closed' ? c.updatedAt >= createdAt : true),
      );
      const linkedCase = openCases.length > 0 && rng.chance(0.75) ? rng.pick(openCases) : null;
      const contractLapsed = company ? company.contractExpiresAt < createdAt : false;

      let queueId: string;
      if (contractLapsed && queueAccepts(QUEUE_IDS.insideSales, channel)) queueId = QUEUE_IDS.insideSales;
      else if (linkedCase && queueAccepts(linkedCase.queueId, channel)) queueId = linkedCase.queueId;
      else if (!customer && rng.chance(0.1) && queueAccepts(QUEUE_IDS.insideSales, channel))
        queueId = QUEUE_IDS.insideSales; // prospects
      else if (customer ? customer.language === 'es' : rng.chance(0.15)) queueId = QUEUE_IDS.supportEs;
      else queueId = QUEUE_IDS.supportEn;

      const base = {
        id: rng.id('con'),
        channel,
        queueId,
        customerId: customer?.id ?? null,
        caseId: queueId === QUEUE_IDS.insideSales ? null : (linkedCase?.id ?? null),
        from: customer ? (channel === 'email' || channel === 'web' ? customer.email : customer.phone) : '',
        subject: linkedCase?.subject ?? '',
        language: customer?.language ?? (queueId === QUEUE_IDS.supportEs ? 'es' : 'en'),
        createdAt,
        queuedAt: createdAt,
      };
      const start = createdAt.getTime();
      if (rng.chance(ABANDON_RATE[channel] ?? 0)) {
        const endedAt = new Date(start + seconds(triangular(rng, 5, 40, 300)));
        if (endedAt <= now) contacts.push({ ...base, status: 'abandoned', endedAt });
        continue;
      }
      const agents = agentsByQueue.get(queueId) ?? [];
      if (agents.length === 0) continue;
      const { waitS, handleS } = timingsFor(channel, rng);
      const answeredAt = new Date(start + seconds(waitS));
      const endedAt = new Date(answeredAt.getTime() + seconds(handleS));
      const wrapUpEndedAt = new Date(endedAt.getTime() + seconds(triangular(rng, 15, 60, 300)));
      // Work still in progress at `now` is left out: the demo starts with every agent offline.
      if (wrapUpEndedAt > now) continue;
      contacts.push({
        ...base,
        status: 'closed',
        agentId: rng.pick(agents),
        answeredAt,
        endedAt,
        wrapUpEndedAt,
        disposition: rng.weighted(DISPOSITION_WEIGHTS),
      });
    }
  }
  return contacts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
