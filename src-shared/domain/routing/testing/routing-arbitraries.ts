import fc from 'fast-check';
import { CHANNELS } from '../../../protocol/channels';
import { LEVELS } from '../../../protocol/contacts';
import { AGENT_STATES, CUSTOMER_TIERS } from '../../../protocol/entities';
import type { BusinessHours, OpeningInterval } from '../../../protocol/routing-config';
import type { RoutingPassInput } from '../plan';
import type { Holding, RoutingAgent, RoutingContact, RoutingQueue } from '../types';
import { makeQueue, NOW, SECOND } from './routing-fixtures';

/** Small value pools so that random agents and contacts often match, and often not. */
const LANGUAGES = ['en', 'es'] as const;
const SKILLS = ['billing', 'network', 'sales'] as const;
const TEAMS = ['t1', 't2'] as const;
const HOLDING_STATUSES = ['offered', 'active', 'wrap_up'] as const;

/** Zones with DST both ways, a half-hour DST (Lord Howe), none (Kolkata), and an invalid one. */
export const TIME_ZONES = [
  'America/New_York',
  'Europe/Madrid',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
  'Not/A_Zone',
] as const;

/** The Saturday before each 2025 DST change in those zones (UTC midnight). */
const DST_WEEKENDS = ['2025-03-08', '2025-03-29', '2025-04-05', '2025-10-04', '2025-10-25', '2025-11-01'];
const DAY_MS = 24 * 3600 * SECOND;

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const arbOpeningInterval: fc.Arbitrary<OpeningInterval> = fc
  .record({
    day: fc.integer({ min: 0, max: 6 }),
    open: fc.integer({ min: 0, max: 1439 }),
    length: fc.integer({ min: 1, max: 600 }),
  })
  .map(({ day, open, length }) => ({ day, open: clock(open), close: clock(Math.min(1440, open + length)) }));

/** Business hours around the DST weekends: random intervals (sometimes none) and holidays. */
export const arbBusinessHours: fc.Arbitrary<BusinessHours> = fc.record({
  timeZone: fc.constantFrom(...TIME_ZONES),
  weekly: fc.array(arbOpeningInterval, { maxLength: 8 }),
  holidays: fc.array(
    fc
      .integer({ min: 0, max: 3 })
      .chain((offset) =>
        fc
          .constantFrom(...DST_WEEKENDS)
          .map((date) => new Date(Date.parse(date) + offset * DAY_MS).toISOString().slice(0, 10)),
      ),
    { maxLength: 4 },
  ),
});

/** A moment (to the millisecond) within three days after one of the DST weekends. */
export const arbMomentNearDstChange: fc.Arbitrary<number> = fc
  .tuple(fc.constantFrom(...DST_WEEKENDS), fc.integer({ min: 0, max: 3 * DAY_MS }))
  .map(([date, offset]) => Date.parse(date) + offset);

/** Mostly `common`, sometimes any of `all`: random profiles match often enough to be offered work. */
function mostly<T>(common: T, all: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: all });
}

const arbAgentSkills = fc
  .tuple(
    ...SKILLS.map((skillId) =>
      fc.option(fc.integer({ min: 1, max: 5 }), { freq: 5 }).map((p) => [skillId, p] as const),
    ),
  )
  .map((entries) =>
    entries.flatMap(([skillId, proficiency]) => (proficiency === null ? [] : [{ skillId, proficiency }])),
  );

const arbAgentProfile = fc.record({
  teamId: mostly<string | null>('t1', fc.constantFrom<string | null>(...TEAMS, null)),
  tier: fc.integer({ min: 1, max: 3 }),
  languages: mostly<string[]>([...LANGUAGES], fc.subarray([...LANGUAGES])),
  state: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('available' as const, 'busy' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...AGENT_STATES) },
  ),
  skills: arbAgentSkills,
  capacity: fc.record({
    phone: fc.integer({ min: 0, max: 1 }),
    email: fc.integer({ min: 0, max: 3 }),
    web: fc.integer({ min: 0, max: 2 }),
    chat: fc.integer({ min: 0, max: 3 }),
    callback: fc.integer({ min: 0, max: 1 }),
  }),
  idleSeconds: fc.integer({ min: -60, max: 3600 }),
  holdings: fc.array(
    fc.record({ channel: fc.constantFrom(...CHANNELS), status: fc.constantFrom(...HOLDING_STATUSES) }),
    {
      maxLength: 2,
    },
  ),
});

const arbQueueProfile = fc.record({
  teamId: mostly<string>('t1', fc.constantFrom(...TEAMS)),
  tier: mostly(1, fc.integer({ min: 1, max: 3 })),
  requiredSkills: fc.uniqueArray(
    fc.record({ skillId: fc.constantFrom(...SKILLS), minProficiency: fc.integer({ min: 1, max: 4 }) }),
    { selector: (skill) => skill.skillId, maxLength: 2 },
  ),
  phoneTargetSeconds: fc.option(fc.integer({ min: 5, max: 120 })),
  overflowAfterSeconds: fc.constantFrom(0, 60, 600),
  isClosed: mostly(false, fc.boolean()),
});

const arbContactProfile = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  queueIndex: fc.nat(),
  language: mostly<string>('en', fc.constantFrom(...LANGUAGES, 'fr')),
  impact: fc.constantFrom(...LEVELS),
  urgency: fc.constantFrom(...LEVELS),
  customerTier: fc.option(fc.constantFrom(...CUSTOMER_TIERS)),
  waitedSeconds: fc.integer({ min: 0, max: 7200 }),
  declinedByIndexes: fc.array(fc.nat(), { maxLength: 2 }),
});

type AgentProfile = typeof arbAgentProfile extends fc.Arbitrary<infer T> ? T : never;
type QueueProfile = typeof arbQueueProfile extends fc.Arbitrary<infer T> ? T : never;
type ContactProfile = typeof arbContactProfile extends fc.Arbitrary<infer T> ? T : never;

function toAgent(profile: AgentProfile, index: number): RoutingAgent {
  const id = `a${index}`;
  const holdings = profile.holdings.map((holding): Holding => ({ count: 1, ...holding }));
  const { idleSeconds, skills, capacity, ...rest } = profile;
  return {
    id,
    displayName: `Agent ${index}`,
    ...rest,
    routing: { skills, capacity },
    idleSince: NOW - idleSeconds * SECOND,
    holdings,
  };
}

function toQueue(profile: QueueProfile, index: number): RoutingQueue {
  const base = makeQueue({ id: `q${index}`, teamId: profile.teamId, tier: profile.tier });
  const phone = profile.phoneTargetSeconds;
  return {
    ...base,
    routing: {
      ...base.routing,
      requiredSkills: profile.requiredSkills,
      serviceLevels: phone === null ? {} : { phone: { seconds: phone, percent: 80 } },
      overflowAfterSeconds: profile.overflowAfterSeconds,
    },
  };
}

function toContact(
  profile: ContactProfile,
  index: number,
  queues: RoutingQueue[],
  agents: RoutingAgent[],
): RoutingContact {
  const queue = queues[profile.queueIndex % queues.length];
  const declinedBy = agents.length === 0 ? [] : profile.declinedByIndexes.map((n) => `a${n % agents.length}`);
  const { queueIndex: _queueIndex, waitedSeconds, declinedByIndexes: _declined, ...rest } = profile;
  return {
    id: `c${index}`,
    queueId: queue?.id ?? 'q0',
    ...rest,
    queuedAt: NOW - waitedSeconds * SECOND,
    declinedBy: [...new Set(declinedBy)],
  };
}

/** A routing pass over random queues (some closed), agents and queued contacts, at `NOW`. */
export interface RoutingScenario {
  input: RoutingPassInput;
  closedQueueIds: string[];
}

export const arbRoutingScenario: fc.Arbitrary<RoutingScenario> = fc
  .record({
    queues: fc.array(arbQueueProfile, { minLength: 1, maxLength: 3 }),
    agents: fc.array(arbAgentProfile, { minLength: 1, maxLength: 8 }),
    contacts: fc.array(arbContactProfile, { maxLength: 16 }),
  })
  .map((profiles) => {
    const queues = profiles.queues.map(toQueue);
    const agents = profiles.agents.map(toAgent);
    const contacts = profiles.contacts.map((profile, n) => toContact(profile, n, queues, agents));
    const closedQueueIds = queues.filter((_, n) => profiles.queues[n]?.isClosed).map((queue) => queue.id);
    const isQueueOpen = (queueId: string) => !closedQueueIds.includes(queueId);
    return { input: { contacts, queues, agents, now: NOW, isQueueOpen }, closedQueueIds };
  });
