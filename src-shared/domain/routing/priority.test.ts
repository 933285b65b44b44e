import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../protocol/contacts';
import { compareForRouting, PRIORITY_MATRIX, priorityOf, SLA_AT_BREACH, slaPressure } from './priority';
import { makeContact, makeQueue, MINUTE, NOW, SECOND } from './testing/routing-fixtures';

const queue = makeQueue();

describe('priorityOf', () => {
  it('adds the matrix cell, the tier bonus, SLA pressure and age, and returns the parts', () => {
    const contact = makeContact({
      impact: 'high',
      urgency: 'critical',
      customerTier: 'gold',
      queuedAt: NOW - 10 * SECOND,
    });
    const { score, parts } = priorityOf(contact, queue, NOW);
    expect(parts.matrix).toBe(70);
    expect(parts.tier).toBe(12);
    expect(parts.sla).toBeCloseTo(25); // half of the 20 s phone target
    expect(parts.age).toBeCloseTo(Math.log2(1 + 10 / 60));
    expect(score).toBeCloseTo(parts.matrix + parts.tier + parts.sla + parts.age);
  });

  it('ranks a phone call near its 20 s breach above any fresh low-impact email, whatever its tier', () => {
    const call = priorityOf(makeContact({ queuedAt: NOW - 18 * SECOND }), queue, NOW);
    for (const urgency of LEVELS) {
      const email = makeContact({ channel: 'email', urgency, customerTier: 'platinum' });
      expect(call.score).toBeGreaterThan(priorityOf(email, queue, NOW).score);
    }
  });

  it('ranks critical×critical above any other cell with the best tier bonus', () => {
    const critical = priorityOf(makeContact({ impact: 'critical', urgency: 'critical' }), queue, NOW);
    const runnerUp = priorityOf(
      makeContact({ impact: 'high', urgency: 'critical', customerTier: 'platinum' }),
      queue,
      NOW,
    );
    expect(critical.score).toBeGreaterThan(runnerUp.score);
  });

  it('ranks tiers platinum > gold > silver > bronze > unknown', () => {
    const tiers = ['platinum', 'gold', 'silver', 'bronze', null] as const;
    const scores = tiers.map((customerTier) => priorityOf(makeContact({ customerTier }), queue, NOW).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(tiers.length);
  });

  it('keeps SLA pressure growing past the breach', () => {
    const at = (seconds: number) =>
      priorityOf(makeContact({ queuedAt: NOW - seconds * SECOND }), queue, NOW).parts.sla;
    expect(at(20)).toBeCloseTo(SLA_AT_BREACH);
    expect(at(40)).toBeGreaterThan(at(20));
    expect(at(600)).toBeGreaterThan(at(40));
  });

  it('uses the channel default target when the queue sets none (chat 60 s, email 4 h)', () => {
    const chat = makeContact({ channel: 'chat', queuedAt: NOW - 60 * SECOND });
    const email = makeContact({ channel: 'email', queuedAt: NOW - 4 * 60 * MINUTE });
    expect(priorityOf(chat, queue, NOW).parts.sla).toBeCloseTo(SLA_AT_BREACH);
    expect(priorityOf(email, queue, NOW).parts.sla).toBeCloseTo(SLA_AT_BREACH);
  });

  it('treats a contact queued in the future as just queued', () => {
    const { parts } = priorityOf(makeContact({ queuedAt: NOW + MINUTE }), queue, NOW);
    expect(parts.sla).toBe(0);
    expect(parts.age).toBe(0);
  });

  it('never lets age alone outrank a higher matrix cell in the first 30 minutes', () => {
    // Email: SLA pressure grows slowly there, so age is what could tip it.
    const cells = LEVELS.flatMap((impact) => LEVELS.map((urgency) => PRIORITY_MATRIX[impact][urgency]));
    const smallestStep = Math.min(
      ...cells.flatMap((a) => cells.map((b) => Math.abs(a - b)).filter((d) => d > 0)),
    );
    const { parts } = priorityOf(makeContact({ channel: 'email', queuedAt: NOW - 30 * MINUTE }), queue, NOW);
    expect(parts.age).toBeLessThan(smallestStep);
  });

  it('is monotonic in waiting time (older never ranks lower among equals)', () => {
    fc.assert(
      fc.property(
        fc.nat(30 * 24 * 3600),
        fc.nat(3600),
        fc.constantFrom('phone', 'email', 'chat'),
        (a, extra, channel) => {
          const younger = priorityOf(makeContact({ channel, queuedAt: NOW - a * SECOND }), queue, NOW);
          const older = priorityOf(
            makeContact({ channel, queuedAt: NOW - (a + extra + 1) * SECOND }),
            queue,
            NOW,
          );
          expect(older.score).toBeGreaterThan(younger.score);
        },
      ),
    );
  });
});

describe('the worked example in docs/ROUTING.md', () => {
  it('scores the call, the email and the call 45 s later as documented', () => {
    const call = makeContact({
      impact: 'high',
      urgency: 'medium',
      customerTier: 'gold',
      queuedAt: NOW - 15 * SECOND,
    });
    const email = makeContact({
      channel: 'email',
      impact: 'critical',
      urgency: 'high',
      customerTier: 'platinum',
      queuedAt: NOW - 120 * MINUTE,
    });
    expect(priorityOf(call, queue, NOW).score).toBeCloseTo(74.82, 2);
    expect(priorityOf(email, queue, NOW).score).toBeCloseTo(121.92, 2);
    expect(priorityOf(call, queue, NOW + 45 * SECOND).score).toBeCloseTo(142.93, 2);
  });
});

describe('slaPressure', () => {
  it('is 0 at no wait, SLA_AT_BREACH at the breach, and continuous there', () => {
    expect(slaPressure(0)).toBe(0);
    expect(slaPressure(1)).toBe(SLA_AT_BREACH);
    expect(slaPressure(1.000001)).toBeCloseTo(SLA_AT_BREACH, 3);
  });
});

describe('compareForRouting', () => {
  const key = (score: number, queuedAt: number, id: string) => ({
    priority: { score, parts: { matrix: score, tier: 0, sla: 0, age: 0 } },
    queuedAt,
    id,
  });

  it('puts the higher score first, then the earlier queuedAt, then the smaller id', () => {
    expect(compareForRouting(key(10, 5, 'b'), key(9, 1, 'a'))).toBeLessThan(0);
    expect(compareForRouting(key(10, 1, 'b'), key(10, 5, 'a'))).toBeLessThan(0);
    expect(compareForRouting(key(10, 1, 'a'), key(10, 1, 'b'))).toBeLessThan(0);
    expect(compareForRouting(key(10, 1, 'a'), key(10, 1, 'a'))).toBe(0);
  });

  it('puts a contact jumped ahead before any score, and the earlier jump first', () => {
    const jumped = (score: number, jumpedAt: number, id: string) => ({ ...key(score, 1, id), jumpedAt });
    expect(compareForRouting(jumped(0, 50, 'b'), key(500, 1, 'a'))).toBeLessThan(0);
    expect(compareForRouting(key(500, 1, 'a'), jumped(0, 50, 'b'))).toBeGreaterThan(0);
    expect(compareForRouting(jumped(0, 40, 'b'), jumped(90, 50, 'a'))).toBeLessThan(0);
    expect(compareForRouting(jumped(10, 40, 'b'), jumped(9, 40, 'a'))).toBeLessThan(0);
    expect(compareForRouting({ ...key(10, 1, 'a'), jumpedAt: null }, key(9, 1, 'b'))).toBeLessThan(0);
  });

  it('is a total order: antisymmetric and transitive', () => {
    const arbKey = fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('a', 'b', 'c'),
      fc.option(fc.integer({ min: 0, max: 2 })),
    );
    const keyOf = ([score, queuedAt, id, jumpedAt]: [number, number, string, number | null]) => ({
      ...key(score, queuedAt, id),
      jumpedAt,
    });
    fc.assert(
      fc.property(arbKey, arbKey, arbKey, (x, y, z) => {
        const [a, b, c] = [keyOf(x), keyOf(y), keyOf(z)];
        expect(Math.sign(compareForRouting(a, b))).toBe(-Math.sign(compareForRouting(b, a)) || 0);
        if (compareForRouting(a, b) <= 0 && compareForRouting(b, c) <= 0) {
          expect(compareForRouting(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});
