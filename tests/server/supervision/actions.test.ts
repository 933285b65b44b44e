import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { QueueAlert } from '../../../src-shared/protocol/contacts';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import type { Broadcast } from '../../../src-shared/protocol/supervisor-entities';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually, settle } from '../support/test-server';
import { call, insertOtherSupervisor, OTHER_SUPERVISOR, tokenOf } from './supervision-fixtures';

const eventsOn = (socket: Socket): SyncEvent[] => {
  const seen: SyncEvent[] = [];
  socket.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => seen.push(e));
  return seen;
};

describe.each(KINDS)('forced states, broadcasts and alerts on %s', (kind) => {
  const server = serverForSuite(kind);
  let sofiaToken: string, samToken: string;

  beforeAll(async () => {
    await insertOtherSupervisor(server.database.db);
    sofiaToken = (await server.login('sofia')).token;
    samToken = await tokenOf(server.url, OTHER_SUPERVISOR.username);
  });

  it('puts an agent Away with a reason at once, and tells them who and why', async () => {
    const ana = await server.connect('ana');
    const seen = eventsOn(ana);
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const res = await call(server.url, sofiaToken, 'POST', `/api/v1/agents/${ORG.users.ana.id}/state`, {
      state: 'away',
      reasonCode: 'meeting',
      reason: 'Team huddle',
    });
    expect(res.status).toBe(200);
    await eventually(
      () =>
        seen.some(
          (e) =>
            e.type === 'agent.state-changed' &&
            e.payload.state === 'away' &&
            e.payload.reasonCode === 'meeting',
        ),
      5000,
      'away on ana’s console',
    );
    await eventually(
      () =>
        seen.some(
          (e) =>
            e.type === 'notification.changed' &&
            e.payload.kind === 'state_forced' &&
            e.payload.params.reason === 'Team huddle',
        ),
      5000,
      'ana told',
    );
  });

  it('signs a ghost session out on every device', async () => {
    const phone = await server.connect('ben');
    const laptop = await server.connect('ben');
    const ended = [phone, laptop].map(
      (s) => new Promise<unknown>((resolve) => s.once(SOCKET_EVENTS.sessionEnded, resolve)),
    );
    const res = await call(server.url, sofiaToken, 'POST', `/api/v1/agents/${ORG.users.ben.id}/state`, {
      state: 'offline',
      reason: 'Left for the day, console still open',
    });
    expect(res.status).toBe(200);
    expect(await Promise.all(ended)).toEqual([{ reason: 'signed_out' }, { reason: 'signed_out' }]);
    await eventually(() => phone.disconnected && laptop.disconnected, 5000, 'both sockets closed');
  });

  it('refuses agents, coaches and a supervisor of another team on HTTP and on the socket', async () => {
    const body = { state: 'away', reasonCode: 'break', reason: 'x' };
    for (const user of ['eva', 'carl'] as const) {
      const token = (await server.login(user)).token;
      const http = await call(server.url, token, 'POST', `/api/v1/agents/${ORG.users.ana.id}/state`, body);
      expect(http.status).toBe(403);
      const socket = await server.connect(user);
      const ack = await runCommand(socket, 'agent:force-state', { agentId: ORG.users.ana.id, ...body });
      expect(ack.ok ? 'applied' : ack.error.code).toBe('forbidden');
      const broadcast = await runCommand(socket, 'broadcast:send', {
        broadcastId: randomUUID(),
        audience: { kind: 'team', teamId: ORG.teams.en },
        message: 'hello',
      });
      expect(broadcast.ok ? 'applied' : broadcast.error.code).toBe('forbidden');
    }
    const sam = await call(server.url, samToken, 'POST', `/api/v1/agents/${ORG.users.ana.id}/state`, body);
    expect(sam.status).toBe(403);
    const samSocket = await server.connect({ token: samToken });
    const ack = await runCommand(samSocket, 'agent:force-state', { agentId: ORG.users.ana.id, ...body });
    expect(ack.ok ? 'applied' : ack.error.code).toBe('forbidden');
    const samBroadcast = await call(server.url, samToken, 'POST', '/api/v1/broadcasts', {
      broadcastId: randomUUID(),
      audience: { kind: 'queue', queueId: ORG.queues.en },
      message: 'hola',
    });
    expect(samBroadcast.status).toBe(403);
  });

  it("broadcasts to a queue's agents, who acknowledge it; the supervisor sees who did", async () => {
    const ana = await server.connect('ana');
    const eva = await server.connect('eva');
    const sofia = await server.connect('sofia');
    const anaSees = eventsOn(ana);
    const evaSees = eventsOn(eva);
    const sofiaSees = eventsOn(sofia);
    const broadcastId = randomUUID();
    const res = await call<{ broadcast: Broadcast }>(server.url, sofiaToken, 'POST', '/api/v1/broadcasts', {
      broadcastId,
      audience: { kind: 'queue', queueId: ORG.queues.en },
      message: 'Outage on invoicing: use the status page script',
      severity: 'warning',
    });
    expect(res.status).toBe(200);
    expect(res.body.broadcast.recipientIds.sort()).toEqual([ORG.users.ana.id, ORG.users.ben.id]);
    await eventually(
      () => anaSees.some((e) => e.type === 'broadcast.changed' && e.entityId === broadcastId),
      5000,
      'ana gets it',
    );
    const acked = await runCommand(ana, 'broadcast:acknowledge', { broadcastId });
    expect(acked.ok).toBe(true);
    await eventually(
      () =>
        sofiaSees.some(
          (e) =>
            e.type === 'broadcast.changed' &&
            e.payload.acknowledgements.some((a) => a.userId === ORG.users.ana.id && a.name === 'Ana'),
        ),
      5000,
      'sofia sees ana acknowledged',
    );
    const notTheirs = await runCommand(eva, 'broadcast:acknowledge', { broadcastId });
    expect(notTheirs.ok ? 'applied' : notTheirs.error.code).toBe('not_found');
    await settle();
    expect(evaSees.some((e) => e.type === 'broadcast.changed')).toBe(false);
  });

  it('lists an open alert and records which supervisor acknowledged it; others are refused', async () => {
    const sofia = await server.connect('sofia');
    await createContact(sofia, { queueId: ORG.queues.es, from: '+34612345678' });
    const alertId = `${ORG.queues.es}:nobody_logged_in`;
    await eventually(
      async () => {
        const res = await call<{ alerts: QueueAlert[] }>(server.url, sofiaToken, 'GET', '/api/v1/alerts');
        return res.body.alerts.some((a) => a.id === alertId);
      },
      10_000,
      'the alert listed',
    );
    const bySofia = await call(server.url, sofiaToken, 'POST', `/api/v1/alerts/${alertId}/acknowledge`);
    expect(bySofia.status).toBe(403);
    const byAna = await call(
      server.url,
      (await server.login('ana')).token,
      'POST',
      `/api/v1/alerts/${alertId}/acknowledge`,
    );
    expect(byAna.status).toBe(403);
    const bySam = await call<{ alert: QueueAlert }>(
      server.url,
      samToken,
      'POST',
      `/api/v1/alerts/${alertId}/acknowledge`,
    );
    expect(bySam.status).toBe(200);
    expect(bySam.body.alert).toMatchObject({
      acknowledgedBy: OTHER_SUPERVISOR.id,
      acknowledgedByName: 'Sam',
    });
    const listed = await call<{ alerts: QueueAlert[] }>(server.url, sofiaToken, 'GET', '/api/v1/alerts');
    expect(listed.body.alerts.find((a) => a.id === alertId)).toMatchObject({ acknowledgedByName: 'Sam' });
  });
});
