import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { queues, supervisionDeadlines } from '../../../src-server/db/schema';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { DEFAULT_QUEUE_ROUTING } from '../../../src-server/db/stored-routing';
import type { QueueAlert } from '../../../src-shared/protocol/contacts';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';
import { call, insertOtherSupervisor, OTHER_SUPERVISOR, tokenOf } from './supervision-fixtures';

const MINUTE = 60_000;

const alertsSeen = (socket: Socket): QueueAlert[] => {
  const seen: QueueAlert[] = [];
  socket.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => {
    if (e.type === 'alert.changed') seen.push(e.payload);
  });
  return seen;
};

describe.each(KINDS)('alerts raised from persisted deadlines and events on %s', (kind) => {
  const server = serverForSuite(kind);
  let sofiaToken: string, samToken: string, anaToken: string;
  const openAlerts = async (token = sofiaToken) =>
    (await call<{ alerts: QueueAlert[] }>(server.url, token, 'GET', '/api/v1/alerts')).body.alerts;
  const openAlert = async (id: string) => (await openAlerts()).find((a) => a.id === id);

  beforeAll(async () => {
    await insertOtherSupervisor(server.database.db);
    // Support EN answers calls within 5 s: "SLA at risk" (80 % of it) holds after 4 s of waiting.
    await server.database.db
      .update(queues)
      .set({
        routing: {
          ...DEFAULT_QUEUE_ROUTING,
          serviceLevels: { ...DEFAULT_QUEUE_ROUTING.serviceLevels, phone: { seconds: 5, percent: 80 } },
        },
      })
      .where(eq(queues.id, ORG.queues.en));
    sofiaToken = (await server.login('sofia')).token;
    anaToken = (await server.login('ana')).token;
    samToken = await tokenOf(server.url, OTHER_SUPERVISOR.username);
  });

  it('raises "Away too long" at the reason limit from the persisted deadline, and clears it when the agent is back', async () => {
    // The sweeps are driven at chosen moments here, as a node whose clock reached them would run them.
    await server.app.routing.stop();
    const ben = await server.connect('ben');
    await runCommand(ben, 'agent:set-state', { state: 'away', reasonCode: 'lunch' });
    const start = Date.now();
    await fireDueDeadlines(server.database.routingDb, new Date(start));
    const [deadline] = await server.database.db
      .select()
      .from(supervisionDeadlines)
      .where(eq(supervisionDeadlines.id, 'alerts'));
    expect(deadline, 'the next alert is a persisted deadline').toBeTruthy();
    // Lunch may last an hour (the default limit): due then, not before.
    expect(deadline!.dueAt.getTime()).toBeGreaterThanOrEqual(start + 59 * MINUTE);
    expect(deadline!.dueAt.getTime()).toBeLessThanOrEqual(start + 61 * MINUTE);

    await fireDueDeadlines(server.database.routingDb, new Date(start + 59 * MINUTE));
    expect(await openAlert(`${ORG.users.ben.id}:away_over_limit`)).toBeUndefined();
    const raised = await fireDueDeadlines(server.database.routingDb, new Date(start + 62 * MINUTE));
    expect(raised.filter((e) => e.type === 'alert.changed')).toHaveLength(1);
    const alert = await openAlert(`${ORG.users.ben.id}:away_over_limit`);
    expect(alert).toMatchObject({
      kind: 'away_over_limit',
      agentId: ORG.users.ben.id,
      queueId: null,
      severity: 'info',
      facts: { limitS: 3600 },
      acknowledgedBy: null,
    });
    // A second sweep with nothing new changes nothing.
    expect(await fireDueDeadlines(server.database.routingDb, new Date(start + 63 * MINUTE))).toEqual([]);

    await runCommand(ben, 'agent:set-state', { state: 'available' });
    const cleared = await fireDueDeadlines(server.database.routingDb, new Date(start + 64 * MINUTE));
    expect(cleared.find((e) => e.type === 'alert.changed')?.payload).toMatchObject({
      id: `${ORG.users.ben.id}:away_over_limit`,
      active: false,
    });
    expect(await openAlert(`${ORG.users.ben.id}:away_over_limit`)).toBeUndefined();
    await runCommand(ben, 'agent:set-state', { state: 'offline' });
    ben.disconnect();
    server.app.routing.start();
  });

  it('raises "SLA at risk" on the board within seconds, lets only a supervisor of the team acknowledge it, and clears it when the queue empties', async () => {
    const sofia = await server.connect('sofia');
    const pushed = alertsSeen(sofia);
    const ana = await server.connect('ana');
    await runCommand(ana, 'agent:set-state', { state: 'away', reasonCode: 'break' });
    await createContact(sofia, { channel: 'phone', queueId: ORG.queues.en });
    const id = `${ORG.queues.en}:sla_at_risk`;
    await eventually(async () => (await openAlert(id)) !== undefined, 10_000, 'SLA at risk raised');
    expect(await openAlert(id)).toMatchObject({
      kind: 'sla_at_risk',
      queueId: ORG.queues.en,
      severity: 'warning',
      facts: { atRisk: 1, waiting: 1 },
    });
    await eventually(() => pushed.some((a) => a.id === id && a.active), 5000, 'pushed to the board');

    // An agent and a supervisor of another team are refused, and nothing changes.
    for (const token of [anaToken, samToken]) {
      const refused = await call(server.url, token, 'POST', `/api/v1/alerts/${id}/acknowledge`);
      expect(refused.status).toBe(403);
    }
    expect((await openAlert(id))?.acknowledgedBy).toBeNull();
    const ack = await call<{ alert: QueueAlert }>(
      server.url,
      sofiaToken,
      'POST',
      `/api/v1/alerts/${id}/acknowledge`,
    );
    expect(ack.status).toBe(200);
    expect(await openAlert(id)).toMatchObject({
      acknowledgedBy: ORG.users.sofia.id,
      acknowledgedByName: 'Sofia',
    });

    // Ana is back: the call is offered to her, the queue is empty and the alert clears.
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    await eventually(async () => (await openAlert(id)) === undefined, 10_000, 'SLA at risk cleared');
    await eventually(() => pushed.some((a) => a.id === id && !a.active), 5000, 'the clearing pushed');
  });
});
