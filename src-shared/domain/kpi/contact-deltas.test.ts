import { describe, expect, it } from 'vitest';
import { deltaChange, mergeDeltas, sumCounts, type KpiCounts, type KpiRow } from './aggregate';
import { contactDeltas } from './contact-deltas';
import { markEscalated, observeContact, type ContactLife } from './contact-life';
import { DEFAULT_PROJECTION_SETTINGS } from './settings';
import { ContactScript, TEST_CONTEXT } from './testing/contact-script';

const T0 = Date.parse('2025-03-10T10:00:00Z');
const s = (seconds: number): number => T0 + seconds * 1000;

function lifeOf(script: ContactScript): ContactLife {
  let life: ContactLife | null = null;
  for (const { contact, at } of script.events) life = observeContact(life, contact, at, TEST_CONTEXT);
  if (!life) throw new Error('no events');
  return life;
}

function rowsOf(life: ContactLife): KpiRow[] {
  return [...mergeDeltas(contactDeltas(life, DEFAULT_PROJECTION_SETTINGS)).values()];
}

function row(rows: KpiRow[], agentId: string | null, queueId = 'q1'): Partial<KpiCounts> {
  const found = rows.find((r) => r.key.agentId === agentId && r.key.queueId === queueId);
  if (!found) throw new Error(`no row for ${agentId} in ${queueId}`);
  return Object.fromEntries(Object.entries(found.counts).filter(([, value]) => value !== 0));
}

describe('contactDeltas', () => {
  it('a handled call: offered on the queue; answer, talk, hold and wrap-up on the agent and team', () => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(5))
      .accept(s(15))
      .hold(s(60))
      .resume(s(90))
      .end(s(195))
      .close(s(240));
    const rows = rowsOf(lifeOf(call));
    expect(rows.map((r) => r.key)).toEqual([
      { interval: T0, queueId: 'q1', channel: 'phone', agentId: null, teamId: null },
      { interval: T0, queueId: 'q1', channel: 'phone', agentId: 'a1', teamId: 'team-a' },
    ]);
    expect(row(rows, null)).toEqual({ offered: 1 });
    expect(row(rows, 'a1')).toEqual({
      answered: 1,
      answerWaitMs: 15_000,
      answeredInTarget: 1,
      handled: 1,
      workMs: 150_000,
      holdMs: 30_000,
      wrapUpMs: 45_000,
    });
  });

  it('counts everything in the interval the call was queued in, even when answered in the next', () => {
    const start = Date.parse('2025-03-10T10:14:50Z');
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: start })
      .offer('a1', start + 30_000)
      .accept(start + 40_000)
      .end(start + 400_000)
      .close(start + 460_000);
    const rows = rowsOf(lifeOf(call));
    expect(new Set(rows.map((r) => r.key.interval))).toEqual(new Set([Date.parse('2025-03-10T10:00:00Z')]));
    // Answered after 40 s: outside the 20 s target.
    expect(row(rows, 'a1')).toEqual({
      answered: 1,
      answerWaitMs: 40_000,
      handled: 1,
      workMs: 360_000,
      wrapUpMs: 60_000,
    });
  });

  it('measures the wait from the first queueing across declines and offer timeouts', () => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(2))
      .decline(s(8))
      .offer('b1', s(9))
      .accept(s(18));
    const rows = rowsOf(lifeOf(call));
    expect(row(rows, null)).toEqual({ offered: 1 });
    expect(row(rows, 'b1')).toEqual({ answered: 1, answerWaitMs: 18_000, answeredInTarget: 1 });
  });

  it.each([
    [5, { abandoned: 1, abandonWaitMs: 5_000, abandonedInTarget: 1, shortAbandoned: 1 }],
    [10, { abandoned: 1, abandonWaitMs: 10_000, abandonedInTarget: 1, shortAbandoned: 1 }],
    [30, { abandoned: 1, abandonWaitMs: 30_000 }],
  ])('an abandon after %i s (short-abandon threshold 10 s, target 20 s)', (seconds, expected) => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(1))
      .abandon(s(seconds));
    const rows = rowsOf(lifeOf(call));
    expect(rows).toHaveLength(1);
    expect(row(rows, null)).toEqual({ offered: 1, ...expected });
  });

  it('a transfer splits the contact into two legs: each queue and each agent gets its part', () => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(3))
      .accept(s(10))
      .hold(s(40))
      .transfer(s(70), { queueId: 'q2' })
      .offer('b1', s(100))
      .accept(s(110))
      .end(s(300))
      .close(s(330));
    const rows = rowsOf(lifeOf(call));
    expect(row(rows, null, 'q1')).toEqual({ offered: 1 });
    // a1 talked 30 s, then held 30 s until the transfer; no wrap-up of their own.
    expect(row(rows, 'a1', 'q1')).toEqual({
      answered: 1,
      answerWaitMs: 10_000,
      answeredInTarget: 1,
      transferredOut: 1,
      handled: 1,
      workMs: 30_000,
      holdMs: 30_000,
    });
    expect(row(rows, null, 'q2')).toEqual({ offered: 1, transferredIn: 1 });
    expect(row(rows, 'b1', 'q2')).toEqual({
      answered: 1,
      answerWaitMs: 40_000,
      handled: 1,
      workMs: 190_000,
      wrapUpMs: 30_000,
    });
  });

  it('a transfer before anyone answered leaves the first queue as transferred out, not abandoned', () => {
    const call = new ContactScript({ id: 'c1', channel: 'email', queueId: 'q1', at: s(0) })
      .transfer(s(600), { agentId: 'b1' })
      .accept(s(660));
    const rows = rowsOf(lifeOf(call));
    expect(row(rows, null, 'q1').transferredOut).toBe(1);
    expect(row(rows, 'b1', 'q1')).toMatchObject({ answered: 1, answerWaitMs: 60_000 });
  });

  it('counts an escalation once, for the agent who held the contact', () => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(1))
      .accept(s(2));
    const life = markEscalated(markEscalated(lifeOf(call)));
    const rows = rowsOf(life);
    expect(row(rows, 'a1').escalated).toBe(1);
    expect(sumCounts(rows.map((r) => r.counts)).escalated).toBe(1);
  });

  it('callback punctuality: started inside the promised window, late, or never', () => {
    const due = s(0);
    const callback = (id: string) =>
      new ContactScript({ id, channel: 'callback', queueId: 'q1', at: due - 3_600_000, dueAt: due });
    const inWindow = callback('cb1').due(due).offer('a1', s(60)).accept(s(120));
    const late = callback('cb2').due(due).offer('a1', s(2400)).accept(s(2410));
    const missed = callback('cb3').due(due).abandon(s(4000));
    const total = sumCounts([inWindow, late, missed].flatMap((c) => rowsOf(lifeOf(c)).map((r) => r.counts)));
    expect(total).toMatchObject({
      callbacksInWindow: 1,
      callbacksOutsideWindow: 1,
      callbacksMissed: 1,
      offered: 3,
    });
  });

  it('ignores repeated and older events: a redelivery adds nothing', () => {
    const call = new ContactScript({ id: 'c1', channel: 'phone', queueId: 'q1', at: s(0) })
      .offer('a1', s(1))
      .accept(s(2))
      .end(s(60));
    const life = lifeOf(call);
    const [first, , second] = call.events;
    expect(observeContact(life, second!.contact, second!.at, TEST_CONTEXT)).toBe(life);
    expect(observeContact(life, first!.contact, first!.at, TEST_CONTEXT)).toBe(life);
  });

  it('adds only what each event taught, never subtracting, and the steps add up to the whole', () => {
    const call = new ContactScript({ id: 'c1', channel: 'chat', queueId: 'q1', at: s(0) })
      .offer('a1', s(2))
      .decline(s(5))
      .offer('b1', s(6))
      .accept(s(70))
      .transfer(s(200), { queueId: 'q2' })
      .offer('a2', s(230))
      .accept(s(240))
      .hold(s(250))
      .end(s(400))
      .close(s(460));
    let life: ContactLife | null = null;
    const applied: KpiRow[] = [];
    for (const { contact, at } of call.events) {
      const before = life ? contactDeltas(life, DEFAULT_PROJECTION_SETTINGS) : [];
      life = observeContact(life, contact, at, TEST_CONTEXT);
      const change = deltaChange(before, contactDeltas(life, DEFAULT_PROJECTION_SETTINGS));
      for (const r of change)
        for (const value of Object.values(r.counts)) expect(value).toBeGreaterThanOrEqual(0);
      applied.push(...change);
    }
    const whole = rowsOf(lifeOf(call));
    expect(sumCounts(applied.map((r) => r.counts))).toEqual(sumCounts(whole.map((r) => r.counts)));
    expect(sumCounts(whole.map((r) => r.counts))).toMatchObject({
      offered: 2,
      transferredIn: 1,
      answered: 2,
      transferredOut: 1,
      handled: 2,
      holdMs: 150_000,
      workMs: 130_000 + 10_000,
      wrapUpMs: 60_000,
    });
  });
});
