import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { createKpiProjection } from '../../../src-server/features/kpi/kpi-projection';
import { rebuildKpis } from '../../../src-server/features/kpi/kpi-rebuild';
import { readKpiSettings } from '../../../src-server/features/kpi/kpi-settings';
import { allProjectionRows, getKpis, setQueueZoneAndTarget } from './kpi-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const S = 1000;
/** Monday 8 March 2027, 10:00 in Madrid (09:00 UTC): later than the real clock, because sessions expire by the database's own clock. */
const START = Date.parse('2027-03-08T09:00:00Z');
const DAY = { from: '2027-03-08', to: '2027-03-08' };

/**
 * Issue 17's calls through the real interfaces — signed CTI webhooks for the phone system, socket
 * commands for the agent's wrap-up — on a clock the test moves (JavaScript's Date is faked, so a
 * 40-second wait takes no time), checked against the hand-computed figures of docs/KPIS.md.
 */
describe.each(kinds)('KPI reports on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  const tokens = new Map<FixtureUser, string>();
  let callNumber = 0;

  const at = (ms: number) => vi.setSystemTime(ms);
  const token = async (user: FixtureUser) => {
    tokens.set(user, (await server.login(user)).token);
    return tokens.get(user)!;
  };
  const cti = (callId: string, event: string) =>
    postCti(server.url, { callId, event, from: '+14155550134', to: '+18005550100' });

  /** A call queued at `queued`, offered to ana, then answered after `wait` s and wrapped up, or abandoned. */
  async function call(queued: number, wait: number, outcome: 'answered' | 'abandoned'): Promise<void> {
    at(queued);
    // A fresh sign-in per call: the scenario spans more than an access token's 15 minutes.
    const ana: Socket = await server.connect('ana');
    const seen = watchContacts(ana);
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const callId = `kpi-${kind}-${++callNumber}`;
    const contactId = (await cti(callId, 'call.offered')).body.contactId as string;
    await eventually(() => seen.get(contactId)?.status === 'offered', 10_000, 'the offer to ana');
    at(queued + wait * S);
    if (outcome === 'abandoned') {
      expect((await cti(callId, 'call.abandoned')).status).toBe(200);
    } else {
      expect((await cti(callId, 'call.answered')).body).toMatchObject({ status: 'active' });
      at(queued + (wait + 300) * S);
      expect((await cti(callId, 'call.ended')).body).toMatchObject({ status: 'wrap_up' });
      at(queued + (wait + 360) * S);
      // A socket of its own: the old one's heartbeat saw the clock jump six minutes.
      const wrapUp = await server.connect('ana');
      expect((await runCommand(wrapUp, 'contact:complete-wrap-up', { contactId })).ok).toBe(true);
      wrapUp.disconnect();
    }
    ana.disconnect();
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(START - 3600 * S);
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({ kind, databaseUrl: pg?.url, env: { AGENTDECK_CTI_SECRET: CTI_SECRET } });
    await setQueueZoneAndTarget(server.database.db, ORG.queues.en, 'Europe/Madrid', 20);
    // Ten calls, one every 5 minutes from 10:00 local: 7 answered within 20 s, 1 after 40 s, 2 abandoned.
    const waits = [5, 8, 10, 12, 15, 18, 20, 40];
    for (const [i, wait] of waits.entries()) await call(START + i * 300 * S, wait, 'answered');
    await call(START + 8 * 300 * S, 5, 'abandoned');
    await call(START + 9 * 300 * S, 30, 'abandoned');
    at(START + 4 * 3600 * S);
    for (const user of ['sofia', 'admin', 'ana', 'ben'] as const) await token(user);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
    vi.useRealTimers();
  });

  it('gives every call figure of the worked example for the day, each with its sample size', async () => {
    const { report } = await getKpis(server.url, tokens.get('sofia')!, { ...DAY, queue: ORG.queues.en });
    const m = report!.total;
    expect([m.offered.value, m.handled.value, m.abandoned.value, m.shortAbandoned.value]).toEqual([
      10, 8, 2, 1,
    ]);
    expect(m.asaSeconds).toEqual({ value: 16, n: 8, isSmallSample: true });
    expect(m.ahtSeconds.value).toBe(360);
    expect([m.ahtWorkSeconds.value, m.ahtHoldSeconds.value, m.ahtWrapUpSeconds.value]).toEqual([300, 0, 60]);
    // 7 in target ÷ (8 answered + 2 abandoned − 1 short abandon).
    expect(m.serviceLevelPercent.n).toBe(9);
    expect(m.serviceLevelPercent.value).toBeCloseTo((7 / 9) * 100, 6);
    expect(m.abandonmentRatePercent.value).toBeCloseTo((1 / 9) * 100, 6);
    expect(m.averageAbandonSeconds.value).toBe(17.5);
    expect(report!.rows.map((r) => r.period)).toEqual(['2027-03-08']);
  });

  it('puts calls in the 15-minute intervals of the queue’s zone and splits them by agent', async () => {
    const byInterval = await getKpis(server.url, tokens.get('admin')!, {
      ...DAY,
      queue: ORG.queues.en,
      interval: '15m',
    });
    expect(byInterval.body).toMatchObject({ interval: '15m' });
    expect(byInterval.report!.rows.map((r) => [r.period, r.measures.offered.value])).toEqual([
      ['2027-03-08T10:00+01:00', 3],
      ['2027-03-08T10:15+01:00', 3],
      ['2027-03-08T10:30+01:00', 3],
      ['2027-03-08T10:45+01:00', 1],
    ]);
    const byAgent = await getKpis(server.url, tokens.get('admin')!, { ...DAY, groupBy: 'agent' });
    const ana = byAgent.report!.rows.find((r) => r.agentId === ORG.users.ana.id);
    expect(ana?.measures.handled.value).toBe(8);
  });

  it('agents see their own figures, and only theirs', async () => {
    const own = await getKpis(server.url, tokens.get('ana')!, DAY);
    expect(own.report!.total.handled.value).toBe(8);
    expect((await getKpis(server.url, tokens.get('ben')!, DAY)).report!.total.handled.value).toBe(0);
    const refusals: Record<string, string>[] = [
      { agent: ORG.users.ana.id },
      { team: ORG.teams.en },
      { queue: ORG.queues.en },
    ];
    for (const extra of refusals) {
      const answer = await getKpis(server.url, tokens.get('ben')!, { ...DAY, ...extra });
      expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
  });

  it('supervisors see their team’s figures and are refused another team’s queue, team or agent', async () => {
    const team = await getKpis(server.url, tokens.get('sofia')!, DAY);
    expect(team.report!.total.offered.value).toBe(10);
    const refusals: Record<string, string>[] = [
      { team: ORG.teams.es },
      { queue: ORG.queues.es },
      { agent: ORG.users.eva.id },
    ];
    for (const extra of refusals) {
      const answer = await getKpis(server.url, tokens.get('sofia')!, { ...DAY, ...extra });
      expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    const admin = await getKpis(server.url, tokens.get('admin')!, { ...DAY, queue: ORG.queues.es });
    expect(admin.status).toBe(200);
  });

  it('answers bad ranges, unknown queues and malformed parameters with a 400 naming the problem', async () => {
    const admin = tokens.get('admin')!;
    const cases: [Record<string, string>, RegExp][] = [
      [{ from: '2027-03-08', to: '2027-03-07' }, /before/],
      [{ from: '2026-01-01', to: '2027-03-08', interval: '15m' }, /at most 366/],
      [{ ...DAY, queue: 'q_nowhere' }, /Unknown queue/],
      [{ from: '08/03/2027', to: '2027-03-08' }, /YYYY-MM-DD/],
      [{ from: '2027-02-30', to: '2027-03-08' }, /calendar date/],
      [{ ...DAY, interval: 'hour' }, /interval/],
      [{ ...DAY, groupBy: 'colour' }, /groupBy/],
      [{ to: '2027-03-08' }, /from/],
    ];
    for (const [query, problem] of cases) {
      const answer = await getKpis(server.url, admin, query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(JSON.stringify(answer.body), JSON.stringify(query)).toMatch(problem);
    }
  });

  it('a restarted consumer resumes from its stored position, and a rebuild gives the same interval and day rows', async () => {
    const settings = readKpiSettings({}).projection;
    const live = await allProjectionRows(server.database.db);
    expect(live.intervals.length).toBeGreaterThan(0);
    // The day rows were counted with the intervals: the day's figures above came from them.
    expect(live.days.length).toBeGreaterThan(0);
    // A new consumer (as after a restart) has nothing left to fold: the position was stored.
    expect(await createKpiProjection({ db: server.database.db, settings }).catchUp()).toBe(0);
    await rebuildKpis(server.database.db, settings);
    expect(await allProjectionRows(server.database.db)).toEqual(live);
  });

  it('is described in the OpenAPI document with every measure', async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const route = doc.paths['/api/v1/reports/kpis']?.get;
    expect(route?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'queue', 'team', 'agent', 'channel', 'interval', 'groupBy']),
    );
  });
});
