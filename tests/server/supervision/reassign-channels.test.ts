import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { ctiSignature } from '../../../scripts/simulate/cti-signing';
import { queues } from '../../../src-server/db/schema';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Reassignment } from '../../../src-shared/protocol/supervisor-entities';
import type { ChatStarted, VisitorChatLine } from '../../../src-shared/protocol/web-channel';
import { ORG } from '../../fixtures/minimal-org';
import { startFakePhoneSystem, type FakePhoneSystem } from '../channels/fake-phone-system';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { runCommand, watchContacts } from '../support/contact-commands';
import { hasPostgres } from '../support/services';
import {
  collect,
  eventually,
  request,
  startOnOwnDatabase,
  type DatabaseKind,
  type TestServer,
} from '../support/test-server';
import { call } from './supervision-fixtures';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

/**
 * Issue 14: "Reassign" works on every channel — a call is transferred by the phone system (told
 * through the call-control adapter, signed), a chat's visitor keeps their conversation with the
 * new agent, a callback keeps its customer and number.
 */
describe.each(kinds)('a supervisor reassigns calls, chats and callbacks on %s', (kind) => {
  let server: TestServer;
  let phone: FakePhoneSystem;
  let ana: Socket, ben: Socket;
  let sofiaToken: string;
  let anaSees: Map<string, Contact>, benSees: Map<string, Contact>;
  const visitors: Socket[] = [];

  const reassign = (contactId: string, body: unknown) =>
    call<{ reassignment: Reassignment }>(
      server.url,
      sofiaToken,
      'POST',
      `/api/v1/contacts/${contactId}/reassign`,
      body,
    );

  /** Ana (available) is offered the contact and accepts it. */
  const acceptedByAna = async (contactId: () => string | undefined) => {
    await eventually(() => contactId() !== undefined, 10_000, 'the offer to ana');
    const id = contactId()!;
    expect((await runCommand(ana, 'contact:accept', { contactId: id })).ok).toBe(true);
    return id;
  };
  const offeredToAna = (match: (c: Contact) => boolean) => () =>
    [...anaSees.values()].find((c) => match(c) && c.status === 'offered' && c.agentId === ORG.users.ana.id)
      ?.id;

  beforeAll(async () => {
    phone = await startFakePhoneSystem();
    server = await startOnOwnDatabase(kind, {
      env: { AGENTDECK_CTI_SECRET: CTI_SECRET, AGENTDECK_CTI_CALLBACK_URL: `${phone.url}/cti` },
    });
    await server.database.db
      .update(queues)
      .set({ channels: ['phone', 'email', 'chat', 'callback'], version: sql`${queues.version} + 1` })
      .where(eq(queues.id, ORG.queues.en));
    ana = await server.connect('ana');
    ben = await server.connect('ben');
    anaSees = watchContacts(ana);
    benSees = watchContacts(ben);
    sofiaToken = (await server.login('sofia')).token;
  });
  afterAll(async () => {
    for (const v of visitors) v.disconnect();
    await server?.close();
    await phone?.close();
  });
  beforeEach(async () => {
    await runCommand(ben, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
    await runCommand(ana, 'agent:set-state', { state: 'available' });
  });

  it('tells the phone system to transfer a call, signed, to the named agent or back to the queue', async () => {
    const callId = `reassign-${kind}-${randomUUID().slice(0, 8)}`;
    const offered = await postCti(server.url, {
      callId,
      event: 'call.offered',
      from: '+14155550134',
      to: '+18005550100',
    });
    const contactId = await acceptedByAna(offeredToAna((c) => c.id === offered.body.contactId));
    await runCommand(ben, 'agent:set-state', { state: 'available' });

    expect(
      (await reassign(contactId, { agentId: ORG.users.ben.id, reason: 'Ben speaks to billing' })).status,
    ).toBe(200);
    // Ana's Accept told the phone system to answer; the moves are the transfers.
    const transfers = () =>
      phone.received.filter((r) => {
        const body = JSON.parse(r.body) as { callId: string; action: string };
        return r.url === '/cti' && body.callId === callId && body.action === 'transfer';
      });
    await eventually(() => transfers().length === 1, 10_000, 'the transfer at the phone system');
    const toBen = transfers()[0]!;
    expect(JSON.parse(toBen.body)).toEqual({
      callId,
      action: 'transfer',
      target: { agentId: ORG.users.ben.id },
    });
    // Signed as every call control is: HMAC over the timestamp and the exact body.
    expect(toBen.headers['x-agentdeck-signature']).toBe(
      ctiSignature(CTI_SECRET, String(toBen.headers['x-agentdeck-timestamp']), toBen.body),
    );
    await eventually(() => benSees.get(contactId)?.status === 'offered', 5000, 'the call offered to ben');

    expect((await reassign(contactId, { queueId: ORG.queues.en })).status).toBe(200);
    await eventually(() => transfers().length === 2, 10_000, 'the transfer back to the queue');
    expect(JSON.parse(transfers()[1]!.body)).toEqual({
      callId,
      action: 'transfer',
      target: { queueId: ORG.queues.en },
    });
  });

  it('moves a chat to another agent: the visitor keeps the conversation and hears the new agent', async () => {
    const visitor = await new Promise<Socket>((resolve, reject) => {
      const socket = connectSocket(`${server.url}/visitor`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: 'https://shop.example' },
      });
      visitors.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
    const lines = collect<VisitorChatLine>(visitor, 'chat:message');
    const started = await request<ChatStarted>(visitor, 'chat:start', {
      name: 'Pat Visitor',
      email: 'pat@example.org',
      message: 'My export fails',
    });
    expect(started.ok).toBe(true);
    const contactId = await acceptedByAna(offeredToAna((c) => c.channel === 'chat'));
    await runCommand(ben, 'agent:set-state', { state: 'available' });

    expect((await reassign(contactId, { agentId: ORG.users.ben.id })).status).toBe(200);
    await eventually(() => benSees.get(contactId)?.status === 'offered', 5000, 'the chat offered to ben');
    expect((await runCommand(ben, 'contact:accept', { contactId })).ok).toBe(true);
    const sent = await runCommand(ben, 'chat:send', {
      contactId,
      messageId: randomUUID(),
      body: 'Ben here, I can help',
    });
    expect(sent.ok).toBe(true);
    await eventually(
      () => lines.some((l) => l.body === 'Ben here, I can help'),
      5000,
      'ben’s line at the visitor',
    );
    expect(lines.find((l) => l.from === 'agent')).toMatchObject({ name: 'Ben' });
    // The same conversation: the visitor writes on, and it reaches Ben on the same contact.
    const reply = await request<VisitorChatLine>(visitor, 'chat:message', { body: 'Thanks Ben' });
    expect(reply.ok).toBe(true);
    expect(benSees.get(contactId)).toMatchObject({
      channel: 'chat',
      agentId: ORG.users.ben.id,
      status: 'active',
    });
    expect(anaSees.get(contactId)?.agentId).toBe(ORG.users.ben.id);
  });

  it('moves a callback to another agent with its customer and number, asking nothing of the phone system', async () => {
    const contactId = randomUUID();
    const scheduled = await runCommand(ana, 'contact:schedule-callback', {
      contactId,
      customerId: ORG.customers.jane,
      phone: '+14155550188',
      queueId: ORG.queues.en,
      dueAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(scheduled.ok).toBe(true);
    await fireDueDeadlines(server.database.routingDb, new Date(Date.now() + 61_000));
    await server.app.routing.runOnce();
    await acceptedByAna(offeredToAna((c) => c.id === contactId));
    await runCommand(ben, 'agent:set-state', { state: 'available' });
    const before = phone.received.length;

    const moved = await reassign(contactId, { agentId: ORG.users.ben.id, reason: 'Ben took the first call' });
    expect(moved.status).toBe(200);
    expect(moved.body.reassignment).toMatchObject({ channel: 'callback', fromAgentId: ORG.users.ana.id });
    await eventually(() => benSees.get(contactId)?.status === 'offered', 5000, 'the callback offered to ben');
    expect(benSees.get(contactId)).toMatchObject({
      channel: 'callback',
      customerId: ORG.customers.jane,
      from: '+14155550188',
    });
    // A callback is dialled by the agent who takes it: there is no call at the phone system to move.
    expect(phone.received.length).toBe(before);
  });
});
