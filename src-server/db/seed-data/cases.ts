import type { CaseStatus } from '../../../src-shared/protocol/entities';
import type { Random } from '../../../src-shared/domain/random';
import type * as schema from '../schema';
import { CASE_TOPICS } from './case-topics';
import { INTERNAL_NOTES, LETTER_PARTS, PUBLIC_NOTES } from './case-texts';
import type { CompanyRow, CustomerRow } from './companies';
import { PRODUCTS, QUEUE_IDS } from './organisation';
import { DAY_MS, HOUR_MS, busyMomentOn, startOfUtcDay, triangular } from './timing';

export type CaseRow = typeof schema.cases.$inferInsert & {
  createdAt: Date;
  updatedAt: Date;
  status: CaseStatus;
};
export type MessageRow = typeof schema.messages.$inferInsert;
export type NoteRow = typeof schema.notes.$inferInsert & { createdAt: Date };

export interface CasesInput {
  rng: Random;
  now: Date;
  companies: readonly CompanyRow[];
  customers: readonly CustomerRow[];
  /** User ids of the agents working each queue's team, by queue id. */
  agentsByQueue: ReadonlyMap<string, readonly string[]>;
  count?: number;
  /** How far back the oldest case may go. */
  historyDays?: number;
}

export interface GeneratedCases {
  cases: CaseRow[];
  messages: MessageRow[];
  notes: NoteRow[];
}

type StatusWeights = readonly (readonly [CaseStatus, number])[];
// Young cases are still being worked; old ones are mostly done, with a thin backlog tail.
// prettier-ignore
const STATUS_BY_AGE: readonly (readonly [maxAgeDays: number, weights: StatusWeights])[] = [
  [2, [['new', 25], ['open', 40], ['pending_customer', 15], ['escalated', 8], ['resolved', 12]]],
  [7, [['new', 5], ['open', 30], ['pending_customer', 25], ['escalated', 12], ['resolved', 25], ['closed', 3]]],
  [30, [['open', 10], ['pending_customer', 15], ['escalated', 8], ['resolved', 30], ['closed', 37]]],
  [Infinity, [['open', 2], ['pending_customer', 3], ['escalated', 1], ['resolved', 10], ['closed', 84]]],
];

// prettier-ignore
const SEVERITY_WEIGHTS = [[1, 5], [2, 20], [3, 45], [4, 30]] as const;
// prettier-ignore
const MESSAGE_CHANNELS = [['email', 65], ['web', 25], ['chat', 10]] as const;

const isDone = (status: CaseStatus) => status === 'resolved' || status === 'closed';

/** Cases over the past months with the customer's first message and some agents' notes. */
export function generateCases(input: CasesInput): GeneratedCases {
  const { rng, now, customers, agentsByQueue, count = 1200, historyDays = 180 } = input;
  const companyById = new Map(input.companies.map((c) => [c.id, c]));
  const productsByCompany = new Map<string, string[]>();
  const licensedProducts = (companyId: string): string[] => {
    let products = productsByCompany.get(companyId);
    if (!products) {
      products = rng.shuffle(PRODUCTS.map((p) => p.id)).slice(0, rng.int(1, 3));
      productsByCompany.set(companyId, products);
    }
    return products;
  };

  const today = startOfUtcDay(now);
  const cases: CaseRow[] = [];
  const messages: MessageRow[] = [];
  const notes: NoteRow[] = [];
  while (cases.length < count) {
    // Skewed towards the recent past: most of what a console shows happened lately.
    const ageDays = Math.floor(historyDays * rng.next() ** 1.6);
    const createdAt = busyMomentOn(today - ageDays * DAY_MS, rng);
    if (createdAt.getTime() >= now.getTime()) continue;
    const customer = rng.pick(customers);
    const company = companyById.get(customer.companyId);
    if (!company) continue;

    const status = rng.weighted(STATUS_BY_AGE.find(([maxAge]) => ageDays < maxAge)?.[1] ?? []);
    const severity = rng.weighted(SEVERITY_WEIGHTS);
    const productId = rng.pick(licensedProducts(company.id));
    const writesSpanish = customer.language === 'es';
    const topics = CASE_TOPICS[productId];
    if (!topics) continue;
    const [subject, body] = rng.pick(writesSpanish ? topics.es : topics.en);

    const firstLineQueue = writesSpanish ? QUEUE_IDS.supportEs : QUEUE_IDS.supportEn;
    const wentToTier2 = status === 'escalated' || (isDone(status) && rng.chance(0.1));
    const queueId = !wentToTier2
      ? firstLineQueue
      : severity <= 2 && rng.chance(0.35)
        ? QUEUE_IDS.development
        : QUEUE_IDS.tier2;

    const ageMs = now.getTime() - createdAt.getTime();
    const updatedAt = isDone(status)
      ? new Date(createdAt.getTime() + Math.min(ageMs, triangular(rng, HOUR_MS, 2 * DAY_MS, 20 * DAY_MS)))
      : status === 'new'
        ? createdAt
        : new Date(createdAt.getTime() + rng.next() * ageMs);

    const caseId = rng.id('case');
    cases.push({
      id: caseId,
      customerId: customer.id,
      subject,
      status,
      severity,
      productId,
      queueId,
      createdAt,
      updatedAt,
    });

    const letter = LETTER_PARTS[writesSpanish ? 'es' : 'en'];
    const firstName = customer.name.split(' ')[0] ?? customer.name;
    messages.push({
      id: rng.id('msg'),
      caseId,
      direction: 'inbound',
      channel: rng.weighted(MESSAGE_CHANNELS),
      fromAddress: customer.email,
      subject,
      bodyText: `${rng.pick(letter.greetings)}\n\n${body}\n\n${rng.pick(letter.closings)}\n${firstName}\n${company.name}`,
      at: createdAt,
    });

    const authors = agentsByQueue.get(queueId) ?? [];
    if (status !== 'new' && authors.length > 0 && rng.chance(0.3)) {
      const noteCount = rng.int(1, 3);
      const span = updatedAt.getTime() - createdAt.getTime();
      const language = queueId === QUEUE_IDS.supportEs ? 'es' : 'en';
      for (let n = 0; n < noteCount; n++) {
        const isPublic = rng.chance(0.2);
        const texts = isPublic ? PUBLIC_NOTES[writesSpanish ? 'es' : 'en'] : INTERNAL_NOTES[language];
        notes.push({
          id: rng.id('note'),
          caseId,
          authorId: rng.pick(authors),
          body: rng.pick(texts),
          visibility: isPublic ? 'public' : 'internal',
          createdAt: new Date(createdAt.getTime() + Math.round((span * (n + rng.next())) / noteCount)),
        });
      }
    }
  }
  // Case numbers follow creation order, as they would have in real life.
  cases.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  notes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { cases, messages, notes };
}
