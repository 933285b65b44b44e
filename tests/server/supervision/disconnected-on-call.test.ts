import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import type { Contact, QueueAlert } from '../../../src-shared/protocol/contacts';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { runCommand, watchContacts } from '../support/contact-commands';
import { hasPostgres } from '../support/services';
import { eventually, startOnOwnDatabase, type DatabaseKind, type TestServer } from '../support/test-server';
import { call, insertOtherSupervisor, OTHER_SUPERVISOR, tokenOf } from './supervision-fixtures';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const ALERT_ID = `${ORG.users.ana.id}:disconnected_on_call`;
const CALLER = '+14155550177';

/**
 * Issue 14: an agent whose console is gone past the grace period while a call is still on their
 * phone leaves a customer on the line with nobody at the console. The board says so — naming the
 * agent and the call — from the persisted facts (the agent's state, the contact's), and stops
 * saying so when the call ends or the agent is back.
 */
describe.each(kinds)('"disconnected on a call" alert on %s', (kind) => {
  let server: TestServer;
  let sofia: Socket;
  let sofiaToken: string;
  let sequence = 0;
  const pushed: QueueAlert[] = [];

  const openAlert = async () =>
    (await call<{ alerts: QueueAlert[] }>(server.url, sofiaToken, 'GET', '/api/v1/alerts')).body.alerts.find(
      (a) => a.id === ALERT_ID,
    );

  /** Ana on a CTI call she accepted, then her console gone past the grace period. */
  const anaGoneDuringACall = async () => {
    const ana = await server.connect('ana');
    const anaSees: Map<string, Contact> = watchContacts(ana);
    expect((await runCommand(ana, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    const callId = `gone-${kind}-${++sequence}`;
    const offered = await postCti(server.url, {
      callId,
      event: 'call.offered',
      from: CALLER,
      to: '+18005550100',
    });
    const contactId = offered.body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 10_000, 'the call offered to ana');
    expect((await runCommand(ana, 'contact:accept', { contactId })).ok).toBe(true);

    ana.disconnect();
    // The grace period (1 s here) passes and the routing node's deadline sweep takes her out of routing.
    await eventually(
      async () => {
        const [row] = (
          (await server.database.db.execute(
            sql`select state, reason_code from agent_states where user_id = ${ORG.users.ana.id}`,
          )) as unknown as { rows: { state: string; reason_code: string | null }[] }
        ).rows;
        return row?.state === 'offline' && row.reason_code === 'disconnected';
      },
      15_000,
      'ana out of routing',
    );
    return { contactId, callId };
  };

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind, {
      env: { AGENTDECK_CTI_SECRET: CTI_SECRET, AGENTDECK_PRESENCE_GRACE_S: '1' },
    });
    await insertOtherSupervisor(server.database.db);
    sofia = await server.connect('sofia');
    sofiaToken = (await server.login('sofia')).token;
    sofia.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => {
      if (e.type === 'alert.changed' && e.payload.id === ALERT_ID) pushed.push(e.payload);
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    pushed.length = 0;
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
  });

  it('names the agent and the call on the board, is acknowledged by her supervisor only, and clears when the agent is back', async () => {
    const { contactId } = await anaGoneDuringACall();
    await eventually(async () => (await openAlert()) !== undefined, 10_000, 'the alert raised');
    expect(await openAlert()).toMatchObject({
      kind: 'disconnected_on_call',
      severity: 'critical',
      agentId: ORG.users.ana.id,
      queueId: null,
      contactId,
      active: true,
    });
    await eventually(() => pushed.some((a) => a.active && a.contactId === contactId), 5000, 'pushed');

    // Only a supervisor of Ana's team (or an admin) takes it on: an agent, a coach and a supervisor
    // of another team are refused on the HTTP route and on the socket, and nothing changes.
    const samToken = await tokenOf(server.url, OTHER_SUPERVISOR.username);
    for (const [who, token] of [
      ['ben', (await server.login('ben')).token],
      ['carl', (await server.login('carl')).token],
      ['sam', samToken],
    ] as const) {
      const http = await call(server.url, token, 'POST', `/api/v1/alerts/${ALERT_ID}/acknowledge`);
      expect(http.status, `${who} over HTTP`).toBe(403);
      const socket = await server.connect({ token });
      const viaSocket = await runCommand(socket, 'alert:acknowledge', { alertId: ALERT_ID });
      expect(viaSocket.ok ? 'applied' : viaSocket.error.code, `${who} on the socket`).toBe('forbidden');
      socket.disconnect();
    }
    expect((await openAlert())?.acknowledgedBy).toBeNull();
    const ack = await runCommand(sofia, 'alert:acknowledge', { alertId: ALERT_ID });
    expect(ack.ok).toBe(true);
    expect(await openAlert()).toMatchObject({
      acknowledgedBy: ORG.users.sofia.id,
      acknowledgedByName: 'Sofia',
    });

    // Ana signs in again and picks Available: with the call still on her phone, she is Busy.
    const back = await server.connect('ana');
    const state = await runCommand<{ entity: { state: string } }>(back, 'agent:set-state', {
      state: 'available',
    });
    expect(state.ok && state.data.entity.state).toBe('busy');
    await eventually(async () => (await openAlert()) === undefined, 10_000, 'the alert cleared');
    await eventually(() => pushed.some((a) => !a.active), 5000, 'the clearing pushed');

    // Leave Ana as she came: the call over, wrapped up, signed out.
    expect((await runCommand(back, 'contact:end', { contactId })).ok).toBe(true);
    expect((await runCommand(back, 'contact:complete-wrap-up', { contactId })).ok).toBe(true);
    await runCommand(back, 'agent:set-state', { state: 'offline' });
    back.disconnect();
  });

  it('clears when the phone system ends the call while the agent is still gone', async () => {
    const { contactId, callId } = await anaGoneDuringACall();
    await eventually(
      async () => (await openAlert())?.contactId === contactId,
      10_000,
      'the alert raised for this call',
    );
    const ended = await postCti(server.url, {
      callId,
      event: 'call.ended',
      from: CALLER,
      to: '+18005550100',
    });
    expect(ended.status).toBe(200);
    await eventually(async () => (await openAlert()) === undefined, 10_000, 'the alert cleared');
    const [agent] = (
      (await server.database.db.execute(
        sql`select state, reason_code from agent_states where user_id = ${ORG.users.ana.id}`,
      )) as unknown as { rows: unknown[] }
    ).rows;
    // Clearing the alert changes nothing about Ana: she is still out of routing until she is back.
    expect(agent).toEqual({ state: 'offline', reason_code: 'disconnected' });
  });
});
