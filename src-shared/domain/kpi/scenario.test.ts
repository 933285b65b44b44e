import { describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../protocol/sync';
import { mergeDeltas, type KpiRow } from './aggregate';
import { kpiMeasures } from './measures';
import { KpiProjector } from './projection';
import { rollUp } from './rollup';
import { DEFAULT_MEASURE_SETTINGS, DEFAULT_PROJECTION_SETTINGS, type KpiMeasureSettings } from './settings';
import {
  ContactScript,
  TEST_CONTEXT,
  agentStateChanged,
  contactChanged,
  testAgent,
} from './testing/contact-script';

/**
 * Issue 17's scenario, fed as the event log would carry it, checked against hand-computed figures
 * (docs/KPIS.md, "Worked example"). Queue q1 in Europe/Madrid; phone target 20 s, email 24 h,
 * callback 5 min; short abandons up to 10 s. Monday 2025-03-10, 10:00 local = 09:00 UTC.
 */
const ZONE = 'Europe/Madrid';
const utc = (clock: string, day = '2025-03-10'): number => Date.parse(`${day}T${clock}Z`);
const S = 1000;

function scenarioEvents(): SyncEvent[] {
  const scripts: ContactScript[] = [];
  const answeredCalls: [number, string][] = [
    [5, 'a1'],
    [8, 'b1'],
    [10, 'a1'],
    [12, 'b1'],
    [15, 'a1'],
    [18, 'b1'],
    [20, 'a1'],
    [40, 'b1'],
  ];
  // Ten calls, one every 5 minutes from 10:00 local: 7 answered within 20 s, 1 after 40 s (with a
  // minute on hold), each 5 minutes of conversation and 1 minute of wrap-up; 2 abandoned after 5 and 30 s.
  answeredCalls.forEach(([wait, agent], i) => {
    const queued = utc('09:00:00') + i * 300 * S;
    const answered = queued + wait * S;
    const call = new ContactScript({ id: `call${i}`, channel: 'phone', queueId: 'q1', at: queued })
      .offer(agent, answered - 2 * S)
      .accept(answered);
    if (wait === 40) call.hold(answered + 100 * S).resume(answered + 160 * S);
    scripts.push(call.end(answered + 300 * S).close(answered + 360 * S));
  });
  [5, 30].forEach((wait, i) => {
    const queued = utc('09:40:00') + i * 300 * S;
    scripts.push(
      new ContactScript({ id: `gone${i}`, channel: 'phone', queueId: 'q1', at: queued }).abandon(
        queued + wait * S,
      ),
    );
  });
  // Three emails queued at 10:30 local, answered after 1 h, 2 h and 26 h: 10 minutes of work, 2 of wrap-up.
  [1, 2, 26].forEach((hours, i) => {
    const queued = utc('09:30:00');
    const answered = queued + hours * 3600 * S;
    scripts.push(
      new ContactScript({ id: `mail${i}`, channel: 'email', queueId: 'q1', at: queued })
        .offer('a1', answered - 5 * S)
        .accept(answered)
        .end(answered + 600 * S)
        .close(answered + 720 * S),
    );
  });
  // A callback promised for 15:00–15:30 local, started at 15:42: late.
  scripts.push(
    new ContactScript({
      id: 'cb',
      channel: 'callback',
      queueId: 'q1',
      at: utc('08:00:00'),
      dueAt: utc('14:00:00'),
    })
      .due(utc('14:00:00'))
      .offer('a1', utc('14:40:00'))
      .accept(utc('14:42:00'))
      .end(utc('14:44:00'))
      .close(utc('14:44:30')),
  );
  const contactEvents = scripts.flatMap((script) =>
    script.events.map((e) => contactChanged(e.contact, e.at)),
  );
  // Agent a1's day: 8 hours signed in — 3 h available, 3.5 h busy, 30 min wrap-up, 1 h away at lunch.
  const day: [string, Parameters<typeof testAgent>[1]][] = [
    ['07:00:00', 'available'],
    ['08:00:00', 'busy'],
    ['10:00:00', 'wrap_up'],
    ['10:30:00', 'available'],
    ['11:00:00', 'away'],
    ['12:00:00', 'busy'],
    ['13:30:00', 'available'],
    ['15:00:00', 'offline'],
  ];
  const agentEvents = day.map(([clock, state]) =>
    agentStateChanged(testAgent('a1', state, utc(clock)), utc(clock)),
  );
  // The log is in time order.
  return [...contactEvents, ...agentEvents].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function project(events: SyncEvent[]): KpiRow[] {
  const projector = new KpiProjector(TEST_CONTEXT, DEFAULT_PROJECTION_SETTINGS);
  const added = events.flatMap((event) => projector.apply(event));
  return [...mergeDeltas(added).values()];
}

function measuresBy(rows: KpiRow[], channel: string | null, settings: Partial<KpiMeasureSettings> = {}) {
  const days = rollUp(rows, 'day', () => ZONE, channel === null ? [] : ['channel']);
  const line = days.find((d) => d.dimensions.channel === (channel ?? undefined));
  if (!line) throw new Error(`no line for ${channel}`);
  expect(line.period).toBe('2025-03-10');
  return kpiMeasures(line.counts, { ...DEFAULT_MEASURE_SETTINGS, ...settings });
}

describe('issue 17 scenario: known traffic, hand-computed figures', () => {
  const rows = project(scenarioEvents());

  it('calls: volumes, speed of answer, handle time with its parts', () => {
    const m = measuresBy(rows, 'phone');
    expect([m.offered.value, m.handled.value, m.abandoned.value, m.shortAbandoned.value]).toEqual([
      10, 8, 2, 1,
    ]);
    expect(m.asaSeconds).toEqual({ value: 16, n: 8, isSmallSample: true });
    expect(m.ahtSeconds.value).toBe(360);
    expect([m.ahtWorkSeconds.value, m.ahtHoldSeconds.value, m.ahtWrapUpSeconds.value]).toEqual([
      292.5, 7.5, 60,
    ]);
    expect(m.averageAbandonSeconds.value).toBe(17.5);
  });

  it('calls: service level under each treatment of abandons', () => {
    const sl = (serviceLevelAbandons: KpiMeasureSettings['serviceLevelAbandons']) =>
      measuresBy(rows, 'phone', { serviceLevelAbandons }).serviceLevelPercent;
    expect(sl('short_abandons_excluded')).toMatchObject({ value: 700 / 9, n: 9 });
    expect(sl('abandons_missed')).toMatchObject({ value: 70, n: 10 });
    expect(sl('abandons_in_target_excluded')).toMatchObject({ value: 700 / 9, n: 9 });
    expect(sl('abandons_in_target_met')).toMatchObject({ value: 80, n: 10 });
    expect(sl('answered_only')).toMatchObject({ value: 87.5, n: 8 });
  });

  it('calls: abandonment rate with and without short abandons', () => {
    expect(measuresBy(rows, 'phone').abandonmentRatePercent).toMatchObject({ value: 100 / 9, n: 9 });
    expect(
      measuresBy(rows, 'phone', { abandonRateExcludesShort: false }).abandonmentRatePercent,
    ).toMatchObject({
      value: 20,
      n: 10,
    });
  });

  it('emails: answered after 1, 2 and 26 hours, all counted on the day they arrived', () => {
    const m = measuresBy(rows, 'email');
    expect(m.handled.value).toBe(3);
    expect(m.asaSeconds.value).toBe(34_800);
    expect(m.serviceLevelPercent).toMatchObject({ value: 200 / 3, n: 3 });
    expect(m.ahtSeconds.value).toBe(720);
  });

  it('the late callback: offered, answered outside its target, started outside its promise', () => {
    const m = measuresBy(rows, 'callback');
    expect(m.callbackPunctualityPercent).toMatchObject({ value: 0, n: 1 });
    expect(m.asaSeconds.value).toBe(42 * 60);
    expect(m.serviceLevelPercent.value).toBe(0);
  });

  it('the whole day, all channels together', () => {
    const m = measuresBy(rows, null);
    expect([m.offered.value, m.handled.value, m.abandoned.value]).toEqual([14, 12, 2]);
    // (128 s + 104,400 s + 2,520 s) / 12 answered.
    expect(m.asaSeconds.value).toBeCloseTo(107_048 / 12, 9);
    // 9 in their channel's target (7 calls, 2 emails) of 12 answered + 2 abandoned − 1 short.
    expect(m.serviceLevelPercent).toMatchObject({ value: 900 / 13, n: 13 });
  });

  it('agent a1: occupancy and availability from their states', () => {
    const m = measuresBy(rows, null);
    // On work (busy 3.5 h + wrap-up 0.5 h) ÷ signed in and not away (7 h); not away (7 h) ÷ signed in (8 h).
    expect(m.occupancyPercent).toEqual({ value: (4 / 7) * 100, n: 420, isSmallSample: false });
    expect(m.availabilityPercent).toEqual({ value: 87.5, n: 480, isSmallSample: false });
  });

  it('per 15-minute interval: each contact in the interval it was queued in', () => {
    const offered = rollUp(rows, 'interval', () => ZONE, ['channel'])
      .filter((line) => line.counts.offered > 0)
      .map((line) => [line.period, line.dimensions.channel, line.counts.offered]);
    expect(offered).toEqual([
      ['2025-03-10T10:00+01:00', 'phone', 3],
      ['2025-03-10T10:15+01:00', 'phone', 3],
      ['2025-03-10T10:30+01:00', 'phone', 3],
      ['2025-03-10T10:30+01:00', 'email', 3],
      ['2025-03-10T10:45+01:00', 'phone', 1],
      ['2025-03-10T15:00+01:00', 'callback', 1],
    ]);
  });

  it('a rebuild from the log gives the same rows, whatever the batches (replayed events add nothing)', () => {
    const events = scenarioEvents();
    const replayed = events.flatMap((event, i) => (i % 3 === 0 ? [event, event] : [event]));
    const byKey = (list: KpiRow[]) => new Map(list.map((row) => [JSON.stringify(row.key), row.counts]));
    expect(byKey(project(replayed))).toEqual(byKey(project(events)));
  });

  it('marks small samples against the setting', () => {
    expect(measuresBy(rows, 'phone').asaSeconds.isSmallSample).toBe(true);
    expect(measuresBy(rows, 'phone', { minSample: 8 }).asaSeconds.isSmallSample).toBe(false);
    expect(measuresBy(rows, 'phone', { minSample: 9 }).asaSeconds.isSmallSample).toBe(true);
  });
});
