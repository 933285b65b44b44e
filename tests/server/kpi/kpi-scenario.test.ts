import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { users } from '../../../src-server/db/schema';
import type { KpiMeasures } from '../../../src-shared/domain/kpi/measures';
import { getKpis, setQueueForScenario } from './kpi-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const S = 1000;
/** Monday 8 March 2027; Madrid is UTC+1, so local 10:00 is 09:00 UTC. Later than the real clock (sessions expire by the database's). */
const local = (hhmmss: string) => Date.parse(`2027-03-08T${hhmmss}+01:00`);
const DAY = { from: '2027-03-08', to: '2027-03-08' };

/** Figures of the report a scenario checks, percentages rounded to 0.01. */
type Figures = Partial<Record<keyof KpiMeasures, number | null>>;

function figuresOf(measures: KpiMeasures, wanted: Figures): Figures {
  const got: Figures = {};
  for (const key of Object.keys(wanted) as (keyof KpiMeasures)[]) {
    const value = measures[key].value;
    got[key] = value === null ? null : Math.round(value * 100) / 100;
  }
  return got;
}
const pct = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100;

/**
 * A scripted morning through the real interfaces — signed CTI webhooks for calls, socket commands
 * for contacts logged by the supervisor (accepted, transferred, wrapped up) — on a clock the test
 * moves. Every figure below is computed by hand from the script, per 15-minute interval and for
 * the day, and the report must give exactly it.
 *
 * Queue EN (Madrid): phone target 20 s, email target 600 s; short abandons up to 10 s (default).
 *   c1 call 10:00:00, answered after 12 s, talks 240 s, wraps up 60 s
 *   c2 call 10:07:00, abandoned after 4 s (short)
 *   c3 call 10:10:00, answered after 25 s (late), talks 180 s, wraps up 30 s
 *   c4 call 10:15:00, abandoned after 45 s
 *   c5 call 10:20:00, answered after exactly 20 s (in target), talks 300 s, wraps up 120 s
 *   e1 email 10:30:00, accepted after 300 s, worked 300 s, wrapped up 60 s
 *   c6 call logged 10:42:00, accepted after 15 s, talks 180 s, transferred to queue ES at 10:45:15;
 *      there eva accepts it after 120 s (late: ES keeps routing's 20 s), talks 420 s, wraps up 60 s.
 * Ana is Available from 09:45, her work makes her Busy and Wrap-up, Away at 11:00, Offline at 11:10.
 */
describe.each(kinds)('a scripted day of KPIs on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  const tokens = new Map<FixtureUser, string>();
  let callNumber = 0;

  const at = (ms: number) => vi.setSystemTime(ms);
  const cti = (callId: string, event: string) =>
    postCti(server.url, { callId, event, from: '+14155550134', to: '+18005550100' });

  /** One command from a fresh sign-in of `user` (the clock jumps minutes, past a socket's heartbeat). */
  async function as(user: FixtureUser, type: string, payload: unknown): Promise<void> {
    const socket = await server.connect(user);
    const ack = await runCommand(socket, type, payload);
    socket.disconnect();
    expect(ack.ok, `${user} ${type}: ${JSON.stringify(ack)}`).toBe(true);
  }

  async function call(queued: number, waitS: number, talkS?: number, wrapS?: number): Promise<void> {
    at(queued);
    const ana = await server.connect('ana');
    const seen = watchContacts(ana);
    const callId = `scenario-${kind}-${++callNumber}`;
    const contactId = (await cti(callId, 'call.offered')).body.contactId as string;
    await eventually(() => seen.get(contactId)?.status === 'offered', 10_000, 'the call offered to ana');
    ana.disconnect();
    at(queued + waitS * S);
    if (talkS === undefined || wrapS === undefined) {
      expect((await cti(callId, 'call.abandoned')).status).toBe(200);
      return;
    }
    expect((await cti(callId, 'call.answered')).body).toMatchObject({ status: 'active' });
    at(queued + (waitS + talkS) * S);
    expect((await cti(callId, 'call.ended')).body).toMatchObject({ status: 'wrap_up' });
    at(queued + (waitS + talkS + wrapS) * S);
    await as('ana', 'contact:complete-wrap-up', { contactId });
  }

  /** A contact logged by the supervisor at `queued`; waits until it is offered to `agent`. */
  async function logged(queued: number, channel: 'email' | 'phone', agent: FixtureUser): Promise<string> {
    at(queued);
    const watcher = await server.connect(agent);
    const seen = watchContacts(watcher);
    const contactId = randomUUID();
    await as('sofia', 'contact:create', {
      contactId,
      channel,
      queueId: ORG.queues.en,
      from: channel === 'email' ? 'jane@example.com' : '+14155550134',
      subject: 'Scenario mail',
    });
    await eventually(
      () => seen.get(contactId)?.status === 'offered',
      10_000,
      `the ${channel} offered to ${agent}`,
    );
    watcher.disconnect();
    return contactId;
  }

  async function transferredCallReachesEva(contactId: string, movedAt: number): Promise<void> {
    at(movedAt);
    const eva = await server.connect('eva');
    const seen = watchContacts(eva);
    await as('ana', 'contact:transfer', { contactId, toQueueId: ORG.queues.es });
    await eventually(() => seen.get(contactId)?.status === 'offered', 10_000, 'the call offered to eva');
    eva.disconnect();
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(local('09:00:00'));
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      // A console closed between two steps must not sign its agent out while the test runs.
      env: { AGENTDECK_CTI_SECRET: CTI_SECRET, AGENTDECK_PRESENCE_GRACE_S: '3600' },
    });
    const db = server.database.db;
    await setQueueForScenario(db, ORG.queues.en, 'Europe/Madrid', { phone: 20, email: 600 });
    await setQueueForScenario(db, ORG.queues.es, 'Europe/Madrid', {});
    // Eva speaks English too, so queue ES can take the English call transferred to it.
    await db
      .update(users)
      .set({ languages: ['es', 'en'] })
      .where(eq(users.id, ORG.users.eva.id));

    at(local('09:45:00'));
    await as('ana', 'agent:set-state', { state: 'available' });
    await as('eva', 'agent:set-state', { state: 'available' });
    await call(local('10:00:00'), 12, 240, 60);
    await call(local('10:07:00'), 4);
    await call(local('10:10:00'), 25, 180, 30);
    await call(local('10:15:00'), 45);
    await call(local('10:20:00'), 20, 300, 120);

    const e1 = await logged(local('10:30:00'), 'email', 'ana');
    at(local('10:35:00'));
    await as('ana', 'contact:accept', { contactId: e1 });
    at(local('10:40:00'));
    await as('ana', 'contact:end', { contactId: e1 });
    at(local('10:41:00'));
    await as('ana', 'contact:complete-wrap-up', { contactId: e1 });

    const c6 = await logged(local('10:42:00'), 'phone', 'ana');
    at(local('10:42:15'));
    await as('ana', 'contact:accept', { contactId: c6 });
    await transferredCallReachesEva(c6, local('10:45:15'));
    at(local('10:47:15'));
    await as('eva', 'contact:accept', { contactId: c6 });
    at(local('10:54:15'));
    await as('eva', 'contact:end', { contactId: c6 });
    at(local('10:55:15'));
    await as('eva', 'contact:complete-wrap-up', { contactId: c6 });

    at(local('11:00:00'));
    await as('ana', 'agent:set-state', { state: 'away', reasonCode: 'break' });
    at(local('11:10:00'));
    await as('ana', 'agent:set-state', { state: 'offline' });
    await as('eva', 'agent:set-state', { state: 'offline' });
    at(local('12:00:00'));
    tokens.set('admin', (await server.login('admin')).token);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
    vi.useRealTimers();
  });

  const report = async (query: Record<string, string>) => {
    const answer = await getKpis(server.url, tokens.get('admin')!, { ...DAY, ...query });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.report!;
  };

  it('gives queue EN’s figures per 15-minute interval exactly as computed by hand', async () => {
    const byInterval = await report({ queue: ORG.queues.en, interval: '15m' });
    const expected: [string, Figures][] = [
      [
        '2027-03-08T10:00+01:00',
        {
          offered: 3,
          handled: 2,
          abandoned: 1,
          shortAbandoned: 1,
          transferred: 0,
          asaSeconds: (12 + 25) / 2,
          ahtSeconds: (240 + 60 + 180 + 30) / 2,
          ahtWorkSeconds: (240 + 180) / 2,
          ahtHoldSeconds: 0,
          ahtWrapUpSeconds: (60 + 30) / 2,
          // c1 in target; c3 late; c2 a short abandon, out of the denominator.
          serviceLevelPercent: pct(1, 2),
          abandonmentRatePercent: pct(0, 2),
          averageAbandonSeconds: 4,
        },
      ],
      [
        '2027-03-08T10:15+01:00',
        {
          offered: 2,
          handled: 1,
          abandoned: 1,
          shortAbandoned: 0,
          transferred: 0,
          asaSeconds: 20,
          ahtSeconds: 300 + 120,
          ahtWorkSeconds: 300,
          ahtWrapUpSeconds: 120,
          // c5 at exactly 20 s is in target; c4 waited 45 s and gave up: missed.
          serviceLevelPercent: pct(1, 2),
          abandonmentRatePercent: pct(1, 2),
          averageAbandonSeconds: 45,
        },
      ],
      [
        '2027-03-08T10:30+01:00',
        {
          offered: 2,
          handled: 2,
          abandoned: 0,
          transferred: 1,
          asaSeconds: (300 + 15) / 2,
          // c6's part with ana ends at the transfer, with no wrap-up of hers.
          ahtSeconds: (300 + 60 + 180) / 2,
          ahtWorkSeconds: (300 + 180) / 2,
          ahtWrapUpSeconds: 60 / 2,
          serviceLevelPercent: pct(2, 2),
          abandonmentRatePercent: pct(0, 2),
          averageAbandonSeconds: null,
        },
      ],
    ];
    expect(byInterval.rows.map((r) => r.period)).toEqual(expected.map(([period]) => period));
    for (const [i, [period, wanted]] of expected.entries()) {
      expect(figuresOf(byInterval.rows[i]!.measures, wanted), period).toEqual(wanted);
    }
  });

  it('gives queue EN’s day as the sum of its intervals, not the average of their figures', async () => {
    const day = await report({ queue: ORG.queues.en });
    const wanted: Figures = {
      offered: 7,
      handled: 5,
      abandoned: 2,
      shortAbandoned: 1,
      transferred: 1,
      asaSeconds: (12 + 25 + 20 + 300 + 15) / 5,
      ahtSeconds: (300 + 210 + 420 + 360 + 180) / 5,
      ahtWorkSeconds: (240 + 180 + 300 + 300 + 180) / 5,
      ahtHoldSeconds: 0,
      ahtWrapUpSeconds: (60 + 30 + 120 + 60) / 5,
      // In target: c1, c5, e1, c6 of 5 answered + 2 abandoned − 1 short.
      serviceLevelPercent: pct(4, 6),
      abandonmentRatePercent: pct(2 - 1, 7 - 1),
      averageAbandonSeconds: (4 + 45) / 2,
    };
    expect(figuresOf(day.total, wanted)).toEqual(wanted);
    expect(day.total.serviceLevelPercent.n).toBe(6);
    expect(day.total.asaSeconds).toMatchObject({ n: 5, isSmallSample: true });
  });

  it('counts the transferred call again in queue ES, in the interval it arrived there', async () => {
    const es = await report({ queue: ORG.queues.es, interval: '15m' });
    expect(es.rows.map((r) => r.period)).toEqual(['2027-03-08T10:45+01:00']);
    const wanted: Figures = {
      offered: 1,
      handled: 1,
      abandoned: 0,
      transferred: 0,
      asaSeconds: 120,
      ahtSeconds: 420 + 60,
      ahtWorkSeconds: 420,
      ahtWrapUpSeconds: 60,
      // ES sets no phone target: routing's default of 20 s, and eva took 120 s.
      serviceLevelPercent: 0,
    };
    expect(figuresOf(es.rows[0]!.measures, wanted)).toEqual(wanted);
  });

  it('gives ana’s occupancy and availability per interval from the time her work kept her Busy and in Wrap-up', async () => {
    const ana = await report({ agent: ORG.users.ana.id, interval: '15m' });
    // Seconds Available, Busy, Wrap-up and Away in each interval, from the script above.
    const time: [string, number, number, number, number][] = [
      ['2027-03-08T09:45+01:00', 900, 0, 0, 0],
      ['2027-03-08T10:00+01:00', 900 - 420 - 90, 240 + 180, 60 + 30, 0],
      ['2027-03-08T10:15+01:00', 900 - 300 - 120, 300, 120, 0],
      ['2027-03-08T10:30+01:00', 900 - 465 - 60, 300 + 165, 60, 0],
      ['2027-03-08T10:45+01:00', 885, 15, 0, 0],
      ['2027-03-08T11:00+01:00', 0, 0, 0, 600],
    ];
    expect(ana.rows.map((r) => r.period)).toEqual(time.map(([period]) => period));
    for (const [i, [period, available, busy, wrap, away]] of time.entries()) {
      const onWork = busy + wrap;
      const wanted: Figures = {
        occupancyPercent: available + onWork === 0 ? null : pct(onWork, available + onWork),
        availabilityPercent: pct(available + onWork, available + onWork + away),
      };
      expect(figuresOf(ana.rows[i]!.measures, wanted), period).toEqual(wanted);
    }
    const day: Figures = {
      handled: 5,
      transferred: 1,
      occupancyPercent: pct(1200 + 270, 3030 + 1200 + 270),
      availabilityPercent: pct(3030 + 1200 + 270, 5100),
    };
    expect(figuresOf(ana.total, day)).toEqual(day);
    expect(ana.total.occupancyPercent.n).toBe(75);
  });
});
