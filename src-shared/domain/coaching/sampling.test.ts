import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../protocol/channels';
import { periodContaining } from './calendar';
import {
  drawSample,
  isCandidate,
  periodToSample,
  type SamplingCandidate,
  type SamplingRules,
} from './sampling';

const rules: SamplingRules = {
  perAgent: 3,
  period: 'week',
  channels: [],
  queueIds: [],
  teamIds: [],
  timeZone: 'Europe/Madrid',
  dueAfterDays: 7,
};
const week = periodContaining('week', 'Europe/Madrid', Date.parse('2026-03-04T12:00:00Z'));
const HOUR = 3_600_000;

function candidate(
  contactId: string,
  agentId: string,
  extra: Partial<SamplingCandidate> = {},
): SamplingCandidate {
  return {
    contactId,
    agentId,
    channel: 'phone',
    queueId: 'q_support',
    teamId: 't_1',
    closedAt: week.start + HOUR,
    ...extra,
  };
}

const pool = (agentId: string, count: number) =>
  Array.from({ length: count }, (_, i) => candidate(`${agentId}_c${String(i).padStart(2, '0')}`, agentId));

describe('drawSample', () => {
  it('repeats the same draw for the same seed and candidates, whatever their order', () => {
    const candidates = [...pool('ana', 12), ...pool('ben', 9)];
    const first = drawSample({ rules, period: week, candidates, seed: 42 });
    const again = drawSample({ rules, period: week, candidates: [...candidates].reverse(), seed: 42 });
    expect(again).toEqual(first);
    expect(first.picks.map((p) => [p.agentId, p.contactIds.length])).toEqual([
      ['ana', 3],
      ['ben', 3],
    ]);
    expect(drawSample({ rules, period: week, candidates, seed: 43 }).picks).not.toEqual(first.picks);
  });

  it("never lets one agent's contacts change another agent's picks", () => {
    const ana = pool('ana', 12);
    const alone = drawSample({ rules, period: week, candidates: ana, seed: 7 });
    const withBen = drawSample({ rules, period: week, candidates: [...pool('ben', 30), ...ana], seed: 7 });
    expect(withBen.picks.find((p) => p.agentId === 'ana')).toEqual(alone.picks[0]);
  });

  it('samples only contacts closed in the period on the plan channels, queues and teams', () => {
    const narrow: SamplingRules = {
      ...rules,
      channels: ['email', 'chat'],
      queueIds: ['q_es'],
      teamIds: ['t_1'],
    };
    const fits = candidate('fits', 'ana', { channel: 'email', queueId: 'q_es' });
    const misses = [
      candidate('phone', 'ana', { channel: 'phone', queueId: 'q_es' }),
      candidate('queue', 'ana', { channel: 'chat', queueId: 'q_en' }),
      candidate('team', 'ana', { channel: 'chat', queueId: 'q_es', teamId: 't_2' }),
      candidate('no_team', 'ana', { channel: 'chat', queueId: 'q_es', teamId: null }),
      candidate('before', 'ana', { channel: 'chat', queueId: 'q_es', closedAt: week.start - 1 }),
      candidate('after', 'ana', { channel: 'chat', queueId: 'q_es', closedAt: week.end }),
    ];
    expect(misses.filter((c) => isCandidate(narrow, week, c))).toEqual([]);
    const draw = drawSample({ rules: narrow, period: week, candidates: [fits, ...misses], seed: 1 });
    expect(draw.picks).toEqual([{ agentId: 'ana', contactIds: ['fits'] }]);
    expect(draw.shortfalls).toEqual([{ agentId: 'ana', wanted: 3, available: 1 }]);
  });

  it('skips contacts already evaluated and reports agents with nothing to sample', () => {
    const draw = drawSample({
      rules,
      period: week,
      candidates: pool('ana', 4),
      seed: 3,
      exclude: new Set(['ana_c00', 'ana_c01']),
      agentIds: ['ana', 'ben'],
    });
    expect(draw.picks).toEqual([{ agentId: 'ana', contactIds: ['ana_c02', 'ana_c03'] }]);
    expect(draw.shortfalls).toEqual([
      { agentId: 'ana', wanted: 3, available: 2 },
      { agentId: 'ben', wanted: 3, available: 0 },
    ]);
  });

  it('is due the set number of local days after the sampled period ends', () => {
    const draw = drawSample({ rules, period: week, candidates: [], seed: 1 });
    expect(new Date(draw.dueAt).toISOString()).toBe('2026-03-15T23:00:00.000Z');
    expect(periodToSample(rules, Date.parse('2026-03-11T09:00:00Z'))).toEqual(week);
  });

  it('gives every candidate the same chance (over 4,000 seeds)', () => {
    const candidates = pool('ana', 10);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 4_000; seed++) {
      for (const id of drawSample({ rules: { ...rules, perAgent: 2 }, period: week, candidates, seed })
        .picks[0]?.contactIds ?? []) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    for (const c of candidates) {
      expect((counts.get(c.contactId) ?? 0) / 4_000).toBeGreaterThan(0.17);
      expect((counts.get(c.contactId) ?? 0) / 4_000).toBeLessThan(0.23);
    }
  });

  it('picks at most N per agent, only candidates, never twice (properties)', () => {
    const arbCandidate = fc.record({
      contactId: fc.stringMatching(/^c[0-9]{1,3}$/),
      agentId: fc.constantFrom('ana', 'ben', 'cy'),
      channel: fc.constantFrom(...CHANNELS),
      queueId: fc.constantFrom('q1', 'q2'),
      teamId: fc.constantFrom('t1', null),
      closedAt: fc.integer({ min: week.start - 10 * HOUR, max: week.end + 10 * HOUR }),
    });
    fc.assert(
      fc.property(
        fc.array(arbCandidate, { maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (raw, seed, perAgent) => {
          // One row per contact, as the server would load them.
          const candidates = [...new Map(raw.map((c) => [c.contactId, c])).values()];
          const plan: SamplingRules = { ...rules, perAgent, channels: ['phone', 'email'], queueIds: ['q1'] };
          const draw = drawSample({ rules: plan, period: week, candidates, seed });
          const picked = draw.picks.flatMap((p) => p.contactIds);
          expect(new Set(picked).size).toBe(picked.length);
          for (const { agentId, contactIds } of draw.picks) {
            expect(contactIds.length).toBeLessThanOrEqual(perAgent);
            for (const id of contactIds) {
              const source = candidates.find((c) => c.contactId === id);
              expect(source?.agentId).toBe(agentId);
              expect(source && isCandidate(plan, week, source)).toBe(true);
            }
          }
        },
      ),
    );
  });
});
