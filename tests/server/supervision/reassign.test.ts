import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import type { Reassignment } from '../../../src-shared/protocol/supervisor-entities';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually, settle } from '../support/test-server';
import { call, insertOtherSupervisor, OTHER_SUPERVISOR, tokenOf } from './supervision-fixtures';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describe.each(KINDS)('a supervisor reassigns a contact on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket, ben: Socket, sofia: Socket;
  let sofiaToken: string;
  let anaSees: Map<string, Contact>, benSees: Map<string, Contact>;
  const anaEvents: SyncEvent[] = [];

  const reassign = (contactId: string, body: unknown, token = sofiaToken) =>
    call<{ reassignment: Reassignment } & Partial<ErrorBody>>(
      server.url,
      token,
      'POST',
      `/api/v1/contacts/${contactId}/reassign`,
      body,
    );

  /** An email offered to Ana and accepted: held by her. */
  const emailHeldByAna = async (): Promise<Contact> => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'jane.roe@acme.com',
    });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer to ana');
    const accepted = await runCommand(ana, 'contact:accept', { contactId: created.id });
    expect(accepted.ok).toBe(true);
    return created;
  };

  beforeAll(async () => {
    await insertOtherSupervisor(server.database.db);
    ana = await server.connect('ana');
    ben = await server.connect('ben');
    sofia = await server.connect('sofia');
    sofiaToken = (await server.login('sofia')).token;
    anaSees = watchContacts(ana);
    benSees = watchContacts(ben);
    ana.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => anaEvents.push(e));
  });
  beforeEach(async () => {
    for (const s of [ana, ben]) await runCommand(s, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
  });

  it('moves an email from Ana to Ben with a reason: both consoles change, Ana is told why, the audit shows it', async () => {
    const email = await emailHeldByAna();
    await runCommand(ben, 'agent:set-state', { state: 'available' });

    const res = await reassign(email.id, {
      agentId: ORG.users.ben.id,
      reason: 'Ben knows invoices',
      expectedAgentId: ORG.users.ana.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.reassignment).toMatchObject({
      contactId: email.id,
      fromAgentId: ORG.users.ana.id,
      toAgentId: ORG.users.ben.id,
      reason: 'Ben knows invoices',
      byUserId: ORG.users.sofia.id,
      forced: false,
    });
    await eventually(() => benSees.get(email.id)?.status === 'offered', 5000, 'the contact on ben’s socket');
    await eventually(
      () => anaSees.get(email.id)?.agentId === ORG.users.ben.id,
      5000,
      'the move on ana’s socket',
    );
    await eventually(
      () =>
        anaEvents.some(
          (e) =>
            e.type === 'notification.changed' &&
            e.payload.kind === 'contact_reassigned_away' &&
            e.payload.params.reason === 'Ben knows invoices' &&
            e.payload.params.by === 'Sofia',
        ),
      5000,
      'ana told why',
    );
    const accepted = await runCommand(ben, 'contact:accept', { contactId: email.id });
    expect(accepted.ok).toBe(true);

    const audit = await call<{ reassignments: Reassignment[] }>(
      server.url,
      sofiaToken,
      'GET',
      `/api/v1/contacts/${email.id}/reassignments`,
    );
    expect(audit.body.reassignments.map((r) => [r.fromAgentId, r.toAgentId, r.byName])).toEqual([
      [ORG.users.ana.id, ORG.users.ben.id, 'Sofia'],
    ]);
  });

  it('answers 409 naming the current holder when the contact is not where the caller thought', async () => {
    const email = await emailHeldByAna();
    const res = await reassign(email.id, { queueId: ORG.queues.en, expectedAgentId: null });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('Ana');
    expect(res.body.error?.details).toMatchObject({ agentId: ORG.users.ana.id, agentName: 'Ana' });
  });

  it('answers 422 saying why the agent cannot take it; force overrides Away and is recorded, never Offline', async () => {
    const email = await emailHeldByAna();
    const offline = await reassign(email.id, { agentId: ORG.users.ben.id, force: true });
    expect(offline.status).toBe(422);
    expect(offline.body.error?.details).toMatchObject({ reasons: ['offline'], overridable: false });

    await runCommand(ben, 'agent:set-state', { state: 'away', reasonCode: 'break' });
    const away = await reassign(email.id, { agentId: ORG.users.ben.id });
    expect(away.status).toBe(422);
    expect(away.body.error?.details).toMatchObject({ reasons: ['away'], overridable: true });
    expect(away.body.error?.message).toContain('force');

    const forced = await reassign(email.id, { agentId: ORG.users.ben.id, force: true, reason: 'urgent' });
    expect(forced.status).toBe(200);
    expect(forced.body.reassignment).toMatchObject({ forced: true, overridden: ['away'] });
    await eventually(() => benSees.get(email.id)?.agentId === ORG.users.ben.id, 5000, 'ben has it');
  });

  it("tells the queue's other consoles of a move only when the contact waited in that queue", async () => {
    // Carl coaches Support EN: his console is in the queue's room, like every agent of the queue.
    const carl = await server.connect('carl');
    const carlSees: Contact[] = [];
    carl.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => {
      if (e.type === 'contact.changed') carlSees.push(e.payload);
    });
    const held = await emailHeldByAna();
    await eventually(() => carlSees.some((c) => c.id === held.id), 5000, 'the offer seen by the queue');
    await runCommand(ben, 'agent:set-state', { state: 'available' });
    expect((await reassign(held.id, { agentId: ORG.users.ben.id })).status).toBe(200);
    await eventually(() => benSees.get(held.id)?.agentId === ORG.users.ben.id, 5000, 'ben has it');
    await settle();
    expect(carlSees.filter((c) => c.id === held.id && c.agentId === ORG.users.ben.id)).toEqual([]);

    // A contact waiting in the queue, handed to Ben by name: the queue's consoles drop it.
    for (const s of [ana, ben])
      await runCommand(s, 'agent:set-state', { state: 'away', reasonCode: 'break' });
    const waiting = await createContact(sofia, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'x@acme.com',
    });
    await eventually(
      () => carlSees.some((c) => c.id === waiting.id && c.status === 'queued'),
      5000,
      'waiting',
    );
    expect((await reassign(waiting.id, { agentId: ORG.users.ben.id, force: true })).status).toBe(200);
    await eventually(
      () => carlSees.some((c) => c.id === waiting.id && c.agentId === ORG.users.ben.id),
      5000,
      'the move seen by the queue it waited in',
    );
    carl.disconnect();
  });

  it('puts a held contact back in its queue, where it waits from now', async () => {
    const email = await emailHeldByAna();
    await runCommand(ana, 'agent:set-state', { state: 'away', reasonCode: 'lunch' });
    const res = await reassign(email.id, { queueId: ORG.queues.en, reason: 'Ana goes to lunch' });
    expect(res.status).toBe(200);
    await eventually(() => anaSees.get(email.id)?.status === 'queued', 5000, 'back in the queue');
    expect(anaSees.get(email.id)?.agentId).toBeNull();
  });

  it('does not offer a contact moved back to the queue straight back to the agent it was taken from', async () => {
    const email = await emailHeldByAna();
    // Ana stays Available with room for it: only the cool-down keeps it from her.
    expect(
      (await reassign(email.id, { queueId: ORG.queues.en, reason: 'Someone else, please' })).status,
    ).toBe(200);
    await eventually(() => anaSees.get(email.id)?.status === 'queued', 5000, 'back in the queue');
    await settle();
    expect(anaSees.get(email.id)).toMatchObject({ status: 'queued', agentId: null });
    // Ben becomes free: it goes to him.
    await runCommand(ben, 'agent:set-state', { state: 'available' });
    await eventually(() => benSees.get(email.id)?.agentId === ORG.users.ben.id, 5000, 'offered to ben');
  });

  it('refuses agents, coaches and a supervisor of another team, on HTTP and on the socket; the audit is theirs to read neither', async () => {
    const email = await emailHeldByAna();
    const body = { queueId: ORG.queues.en };
    const carl = await server.connect('carl');
    const samToken = await tokenOf(server.url, OTHER_SUPERVISOR.username);
    const sam = await server.connect({ token: samToken });
    for (const [token, socket] of [
      [(await server.login('ben')).token, ben],
      [(await server.login('carl')).token, carl],
      [samToken, sam],
    ] as const) {
      const http = await reassign(email.id, body, token);
      expect(http.status).toBe(403);
      const viaSocket = await runCommand(socket, 'contact:reassign', { contactId: email.id, ...body });
      expect(viaSocket.ok ? 'applied' : viaSocket.error.code).toBe('forbidden');
      const audit = await call(server.url, token, 'GET', '/api/v1/audit/reassignments');
      expect(audit.status).toBe(token === samToken ? 200 : 403);
    }
    const still = await call<{ contact: Contact }>(
      server.url,
      sofiaToken,
      'GET',
      `/api/v1/contacts/${email.id}`,
    );
    expect(still.body.contact).toMatchObject({ agentId: ORG.users.ana.id, status: 'active' });
  });

  it('sends the contact back when the new holder does not respond in time, and tells the supervisor', async () => {
    const email = await emailHeldByAna();
    await runCommand(ben, 'agent:set-state', { state: 'available' });
    const sofiaEvents: SyncEvent[] = [];
    sofia.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => sofiaEvents.push(e));
    const res = await reassign(email.id, {
      agentId: ORG.users.ben.id,
      responseTimerMin: 5,
      fallback: { queueId: ORG.queues.en },
    });
    expect(res.status).toBe(200);
    expect(res.body.reassignment.responseDueAt).not.toBeNull();
    // The deadline is a row: bring it forward rather than wait five minutes.
    await server.database.db.execute(
      sql`update timers set due_at = now() - interval '1 second' where id = ${`reassign_response:${email.id}`}`,
    );
    await server.app.routing.runOnce();
    await eventually(
      () =>
        sofiaEvents.some(
          (e) =>
            e.type === 'notification.changed' &&
            e.payload.kind === 'response_timer_expired' &&
            e.payload.contactId === email.id,
        ),
      5000,
      'sofia told the timer ran out',
    );
    const audit = await call<{ reassignments: Reassignment[] }>(
      server.url,
      sofiaToken,
      'GET',
      `/api/v1/audit/reassignments?contactId=${email.id}`,
    );
    expect(audit.body.reassignments.map((r) => [r.kind, r.fromAgentId, r.toQueueId])).toEqual([
      ['response_timer', ORG.users.ben.id, ORG.queues.en],
      ['supervisor', ORG.users.ana.id, ORG.queues.en],
    ]);
  });

  it('names the field of a bad body and changes nothing', async () => {
    const email = await emailHeldByAna();
    const res = await reassign(email.id, { agentId: ORG.users.ben.id, queueId: ORG.queues.en });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('agentId');
  });
});
