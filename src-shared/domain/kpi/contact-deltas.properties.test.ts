import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_COUNT_FIELDS, deltaChange, sumCounts, type KpiDelta, type KpiRow } from './aggregate';
import { contactDeltas } from './contact-deltas';
import { markEscalated, observeContact, type ContactLife } from './contact-life';
import { INTERVAL_MS } from './intervals';
import { DEFAULT_PROJECTION_SETTINGS } from './settings';
import { ContactScript, TEST_CONTEXT } from './testing/contact-script';

const T0 = Date.parse('2025-03-29T23:20:00Z');
const STEPS = [
  'offer',
  'decline',
  'accept',
  'hold',
  'resume',
  'end',
  'close',
  'abandon',
  'transferQueue',
  'transferAgent',
  'escalate',
] as const;
type Step = (typeof STEPS)[number];

/** A random life: steps the lifecycle allows are played, the others skipped; gaps of 0 s to 20 min. */
const arbLife = fc.record({
  channel: fc.constantFrom('phone', 'email', 'chat', 'callback' as const),
  steps: fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 0, max: 1_200_000 })), {
    maxLength: 25,
  }),
});

type Played = { contact: ContactScript['current']; at: number } | 'escalate';

function play(channel: 'phone' | 'email' | 'chat' | 'callback', steps: [Step, number][]): Played[] {
  const dueAt = channel === 'callback' ? T0 + 60_000 : undefined;
  const script = new ContactScript({ id: 'c1', channel, queueId: 'q1', at: T0, ...(dueAt ? { dueAt } : {}) });
  const played: Played[] = [];
  let at = T0;
  if (dueAt) script.due((at = dueAt));
  let agents = 0;
  for (const [step, gap] of steps) {
    at += gap;
    const { status, heldAt } = script.current;
    const before = script.events.length;
    if (step === 'offer' && status === 'queued') script.offer(`a${agents++}`, at);
    if (step === 'decline' && status === 'offered') script.decline(at);
    if (step === 'accept' && status === 'offered') script.accept(at);
    if (step === 'hold' && status === 'active' && !heldAt) script.hold(at);
    if (step === 'resume' && status === 'active' && heldAt) script.resume(at);
    if (step === 'end' && status === 'active') script.end(at);
    if (step === 'close' && status === 'wrap_up') script.close(at);
    if (step === 'abandon' && (status === 'queued' || status === 'offered')) script.abandon(at);
    const movable = status === 'queued' || status === 'offered' || status === 'active';
    if (step === 'transferQueue' && movable) script.transfer(at, { queueId: `q${agents % 3}` });
    if (step === 'transferAgent' && movable) script.transfer(at, { agentId: `b${agents++}` });
    if (step === 'escalate' && status !== 'closed' && status !== 'abandoned') played.push('escalate');
    if (script.events.length > before) played.push(script.events.at(-1)!);
  }
  return [script.events[0]!, ...(dueAt ? [script.events[1]!] : []), ...played];
}

function fold(events: Played[]): { life: ContactLife; steps: KpiRow[][] } {
  let life: ContactLife | null = null;
  const steps: KpiRow[][] = [];
  for (const event of events) {
    const before: KpiDelta[] = life ? contactDeltas(life, DEFAULT_PROJECTION_SETTINGS) : [];
    if (event === 'escalate') life = life && markEscalated(life);
    else life = observeContact(life, event.contact, event.at, TEST_CONTEXT);
    if (life) steps.push(deltaChange(before, contactDeltas(life, DEFAULT_PROJECTION_SETTINGS)));
  }
  if (!life) throw new Error('no life');
  return { life, steps };
}

describe('contactDeltas (property, random lives)', () => {
  it('an event only ever adds, and what the events add is what the whole life counts', () => {
    fc.assert(
      fc.property(arbLife, ({ channel, steps }) => {
        const { life, steps: changes } = fold(play(channel, steps));
        for (const row of changes.flat()) {
          for (const field of KPI_COUNT_FIELDS) expect(row.counts[field]).toBeGreaterThanOrEqual(0);
        }
        const whole = contactDeltas(life, DEFAULT_PROJECTION_SETTINGS);
        expect(sumCounts(changes.flat().map((r) => r.counts))).toEqual(sumCounts(whole.map((d) => d.counts)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts stay consistent: one offer per leg, answers and abandons within offers, time within the life', () => {
    fc.assert(
      fc.property(arbLife, ({ channel, steps }) => {
        const events = play(channel, steps);
        const { life } = fold(events);
        const deltas = contactDeltas(life, DEFAULT_PROJECTION_SETTINGS);
        const total = sumCounts(deltas.map((d) => d.counts));
        expect(total.offered).toBe(life.legs.length);
        expect(total.transferredIn).toBe(life.legs.length - 1);
        expect(total.answered + total.abandoned).toBeLessThanOrEqual(total.offered);
        expect(total.abandoned).toBeLessThanOrEqual(1);
        expect(total.handled).toBeLessThanOrEqual(total.answered);
        expect(total.answeredInTarget).toBeLessThanOrEqual(total.answered);
        expect(total.shortAbandoned).toBeLessThanOrEqual(total.abandonedInTarget);
        expect(total.escalated).toBeLessThanOrEqual(life.legs.length);
        const times = events.flatMap((e) => (e === 'escalate' ? [] : [e.at]));
        const span = Math.max(...times) - Math.min(...times);
        expect(total.workMs + total.holdMs + total.wrapUpMs).toBeLessThanOrEqual(span);
        for (const { key } of deltas) {
          expect(key.interval % INTERVAL_MS).toBe(0);
          expect(life.legs.some((leg) => leg.queuedAt - key.interval < INTERVAL_MS)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('each event delivered twice gives the same life as once (at-least-once delivery is safe)', () => {
    fc.assert(
      fc.property(arbLife, ({ channel, steps }) => {
        const events = play(channel, steps).filter((e) => e !== 'escalate');
        const once = fold(events).life;
        const twice = fold(events.flatMap((e) => [e, e])).life;
        expect(twice).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
