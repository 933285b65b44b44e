import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { BoardToday } from '../../../src-shared/protocol/board-today';
import type { KpiReportResponse } from '../../../src-shared/protocol/kpi-report';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { localDate } from '../../../src-shared/domain/kpi/zoned-time';
import { ORG } from '../../fixtures/minimal-org';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { runCommand, watchContacts } from '../support/contact-commands';
import { collect, eventually, startTestServer, type TestServer } from '../support/test-server';
import { call } from './supervision-fixtures';

/**
 * The board's figures for today (issue 14), through the real interfaces: a phone system's signed
 * CTI events, agents' socket commands; pushed to the supervisor's socket and equal to the API's
 * and, for service level and abandoned, to the KPI report for today.
 */
describe('board figures for today', () => {
  let server: TestServer;
  let sofia: Socket, ana: Socket;
  let sofiaToken: string;
  let pushes: BoardToday[];
  let callNumber = 0;

  const latest = () => pushes.at(-1);
  const queueLine = (board: BoardToday | undefined) => board?.queues.find((q) => q.queueId === ORG.queues.en);
  const anaLine = (board: BoardToday | undefined) =>
    board?.agents.find((a) => a.agentId === ORG.users.ana.id);
  const cti = (callId: string, event: string) =>
    postCti(server.url, { callId, event, from: '+14155550134', to: '+18005550100' });

  beforeAll(async () => {
    server = await startTestServer({ env: { AGENTDECK_CTI_SECRET: CTI_SECRET } });
    sofiaToken = (await server.login('sofia')).token;
    sofia = await server.connect({ token: sofiaToken });
    pushes = collect<BoardToday>(sofia, SOCKET_EVENTS.boardToday);
  });
  afterAll(() => server?.close());

  it('pushes the figures to a supervisor as the socket connects, and never to an agent', async () => {
    await eventually(() => pushes.length > 0, 5000, 'the first push');
    expect(queueLine(latest())).toMatchObject({ abandoned: 0, serviceLevelPercent: null });
    expect(anaLine(latest())?.devices).toBe(0);

    ana = await server.connect('ana');
    const anaPushes = collect(ana, SOCKET_EVENTS.boardToday);
    await eventually(() => anaLine(latest())?.devices === 1, 5000, "ana's console on the board");
    const refused = await call(server.url, (await server.login('ana')).token, 'GET', '/api/v1/board/today');
    expect(refused.status).toBe(403);
    expect(anaPushes).toEqual([]);
  });

  it('shows the expected wait for the next call: none while nobody is signed in, now once Ana is available', async () => {
    expect(queueLine(latest())?.expectedWaitS.phone).toBeNull();
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    await eventually(() => queueLine(latest())?.expectedWaitS.phone === 0, 5000, 'an expected wait of 0');
  });

  it('counts a declined offer, an abandoned call and an answered one, as the KPI report for today does', async () => {
    const seen = watchContacts(ana);
    const offered = async () => {
      const callId = `board-${++callNumber}`;
      const contactId = (await cti(callId, 'call.offered')).body.contactId as string;
      await eventually(() => seen.get(contactId)?.status === 'offered', 5000, 'the offer to ana');
      return { callId, contactId };
    };

    const declined = await offered();
    expect((await runCommand(ana, 'contact:decline', { contactId: declined.contactId })).ok).toBe(true);
    await eventually(() => anaLine(latest())?.missedOffersToday === 1, 5000, 'one missed offer today');
    expect((await cti(declined.callId, 'call.abandoned')).status).toBe(200);
    await eventually(() => queueLine(latest())?.abandoned === 1, 5000, 'one abandoned today');

    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const answered = await offered();
    expect((await cti(answered.callId, 'call.answered')).body).toMatchObject({ status: 'active' });
    await eventually(() => queueLine(latest())?.serviceLevelPercent !== null, 5000, 'a service level today');

    const api = await call<BoardToday>(server.url, sofiaToken, 'GET', '/api/v1/board/today');
    expect(api.status).toBe(200);
    const today = localDate(Date.now(), 'UTC');
    const report = await call<KpiReportResponse>(
      server.url,
      sofiaToken,
      'GET',
      `/api/v1/reports/kpis?from=${today}&to=${today}&queue=${ORG.queues.en}`,
    );
    expect(report.status).toBe(200);
    expect(queueLine(api.body)).toMatchObject({
      day: today,
      serviceLevelPercent: report.body.total.serviceLevelPercent.value,
      abandoned: report.body.total.abandoned.value,
    });
    expect(anaLine(api.body)).toMatchObject({ missedOffersToday: 1, devices: 1 });
    expect(anaLine(api.body)?.occupancyPercent).toBeGreaterThan(0);
    // What was pushed last is what the API answers (the expected wait is left out: it is a forecast
    // from the moment each was computed, so it moves with the clock between the two).
    const settled = (queues: BoardToday['queues'] | undefined) =>
      JSON.stringify(queues?.map(({ expectedWaitS: _forecast, ...figures }) => figures));
    await eventually(
      () => settled(latest()?.queues) === settled(api.body.queues),
      5000,
      'the last push to equal the API',
    );
  });
});
