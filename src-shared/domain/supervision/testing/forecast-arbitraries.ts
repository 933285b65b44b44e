import fc from 'fast-check';
import { CHANNELS } from '../../../protocol/channels';
import { LEVELS } from '../../../protocol/contacts';
import { AGENT_STATES, CUSTOMER_TIERS } from '../../../protocol/entities';
import { arbBusinessHours } from '../../routing/testing/routing-arbitraries';
import { makeContact, makeQueue, NOW, SECOND } from '../../routing/testing/routing-fixtures';
import type { RoutingContact, RoutingQueue } from '../../routing/types';
import type { HeldContact, QueueAgent, QueueState } from '../queue-state';

/** Small pools, so that random agents and contacts often match and often compete. */
const LANGUAGES = ['en', 'es'] as const;
const SKILLS = ['billing', 'network'] as const;
const TEAMS = ['t1', 't2'] as const;

function mostly<T>(common: T, all: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: all });
}

const arbQueue = fc.record({
  teamId: mostly<string>('t1', fc.constantFrom(...TEAMS)),
  requiredSkills: fc.uniqueArray(
    fc.record({ skillId: fc.constantFrom(...SKILLS), minProficiency: fc.integer({ min: 1, max: 4 }) }),
    { selector: (s) => s.skillId, maxLength: 1 },
  ),
  phoneTarget: fc.option(fc.integer({ min: 10, max: 300 })),
  overflowAfterSeconds: fc.constantFrom(0, 0, 45, 300),
  hours: fc.option(arbBusinessHours, { freq: 4 }),
});

const arbContact = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  queueIndex: fc.nat(),
  language: mostly<string>('en', fc.constantFrom(...LANGUAGES)),
  impact: fc.constantFrom(...LEVELS),
  urgency: mostly('low' as const, fc.constantFrom(...LEVELS)),
  customerTier: fc.option(fc.constantFrom(...CUSTOMER_TIERS)),
  waitedSeconds: fc.integer({ min: 0, max: 1800 }),
  declinedBy: fc.array(fc.nat({ max: 5 }), { maxLength: 1 }),
  jumpedSecondsAgo: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 8 }),
});

const arbWork = fc.record({
  contact: arbContact,
  status: fc.constantFrom('offered' as const, 'active' as const, 'active' as const, 'wrap_up' as const),
  sinceSeconds: fc.integer({ min: 0, max: 900 }),
  endsInSeconds: fc.option(fc.integer({ min: -30, max: 300 }), { freq: 3 }),
});

const arbAgent = fc.record({
  teamId: mostly<string | null>('t1', fc.constantFrom<string | null>(...TEAMS, null)),
  tier: mostly(1, fc.integer({ min: 1, max: 3 })),
  languages: mostly<string[]>([...LANGUAGES], fc.subarray([...LANGUAGES])),
  state: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('available' as const, 'busy' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...AGENT_STATES) },
  ),
  skills: fc.uniqueArray(
    fc.record({ skillId: fc.constantFrom(...SKILLS), proficiency: fc.integer({ min: 1, max: 5 }) }),
    { selector: (s) => s.skillId, maxLength: 2 },
  ),
  capacity: fc.record({
    phone: fc.integer({ min: 0, max: 1 }),
    email: fc.integer({ min: 0, max: 3 }),
    web: fc.integer({ min: 0, max: 2 }),
    chat: fc.integer({ min: 0, max: 2 }),
    callback: fc.integer({ min: 0, max: 1 }),
  }),
  idleSeconds: fc.integer({ min: 0, max: 600 }),
  work: fc.array(arbWork, { maxLength: 2 }),
});

const arbHandleSeconds = fc.record({
  phone: fc.integer({ min: 20, max: 400 }),
  callback: fc.integer({ min: 20, max: 400 }),
  chat: fc.integer({ min: 20, max: 600 }),
  email: fc.integer({ min: 20, max: 900 }),
  web: fc.integer({ min: 20, max: 900 }),
});

type ContactProfile = typeof arbContact extends fc.Arbitrary<infer T> ? T : never;

function toContact(profile: ContactProfile, id: string, queues: RoutingQueue[]): RoutingContact {
  const queue = queues[profile.queueIndex % queues.length]!;
  return makeContact({
    id,
    channel: profile.channel,
    queueId: queue.id,
    language: profile.language,
    impact: profile.impact,
    urgency: profile.urgency,
    customerTier: profile.customerTier,
    queuedAt: NOW - profile.waitedSeconds * SECOND,
    declinedBy: profile.declinedBy.map((n) => `a${n}`),
    jumpedAt: profile.jumpedSecondsAgo === null ? null : NOW - profile.jumpedSecondsAgo * SECOND,
  });
}

/** A random floor: up to 3 queues (some with business hours), 6 agents holding work, 14 contacts waiting. */
export const arbQueueState: fc.Arbitrary<QueueState> = fc
  .record({
    queues: fc.array(arbQueue, { minLength: 1, maxLength: 3 }),
    agents: fc.array(arbAgent, { minLength: 1, maxLength: 6 }),
    contacts: fc.array(arbContact, { maxLength: 14 }),
    defaults: arbHandleSeconds,
    q0Handle: fc.option(arbHandleSeconds),
  })
  .map((p): QueueState => {
    const queues = p.queues.map((q, n): RoutingQueue => {
      const base = makeQueue({ id: `q${n}`, teamId: q.teamId });
      return {
        ...base,
        routing: {
          ...base.routing,
          requiredSkills: q.requiredSkills,
          serviceLevels: q.phoneTarget === null ? {} : { phone: { seconds: q.phoneTarget, percent: 80 } },
          overflowAfterSeconds: q.overflowAfterSeconds,
          businessHours: q.hours ?? base.routing.businessHours,
        },
      };
    });
    const agents = p.agents.map((a, n): QueueAgent => {
      const { idleSeconds, skills, capacity, work, ...rest } = a;
      return {
        id: `a${n}`,
        displayName: `Agent ${n}`,
        ...rest,
        routing: { skills, capacity },
        idleSince: NOW - idleSeconds * SECOND,
        work: work.map((w, k): HeldContact => ({
          contact: { ...toContact(w.contact, `h${n}-${k}`, queues), jumpedAt: null },
          status: w.status,
          since: NOW - w.sinceSeconds * SECOND,
          endsBy: w.endsInSeconds === null ? null : NOW + w.endsInSeconds * SECOND,
        })),
      };
    });
    const contacts = p.contacts.map((c, n) => toContact(c, `c${n}`, queues));
    return {
      now: NOW,
      queues,
      agents,
      contacts,
      handleTimes: { byQueue: p.q0Handle ? { q0: p.q0Handle } : {}, defaults: p.defaults },
    };
  });

/**
 * A random floor that is one pool: one queue, phone only, every agent of its team, language and
 * tier taking one call at a time — any free agent can take any waiting call, and every call takes
 * the same handle time. (Priorities, waits, jumps, declines, held work and business hours vary.)
 */
export const arbSinglePool: fc.Arbitrary<QueueState> = arbQueueState.map((state): QueueState => {
  const base = state.queues[0]!;
  const queue: RoutingQueue = { ...base, tier: 1, routing: { ...base.routing, requiredSkills: [] } };
  const inPool = (contact: RoutingContact): RoutingContact => ({
    ...contact,
    channel: 'phone',
    queueId: queue.id,
    language: 'en',
  });
  const agents = state.agents.map((agent): QueueAgent => ({
    ...agent,
    teamId: queue.teamId,
    tier: 1,
    languages: ['en'],
    routing: { ...agent.routing, capacity: { phone: 1, email: 0, web: 0, chat: 0, callback: 0 } },
    work: agent.work.map((held) => ({ ...held, contact: inPool(held.contact) })),
  }));
  return { ...state, queues: [queue], agents, contacts: state.contacts.map(inPool) };
});
