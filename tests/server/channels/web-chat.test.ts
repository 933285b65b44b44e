import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { CaseDetail } from '../../../src-shared/protocol/entities';
import type { Ack } from '../../../src-shared/protocol/envelope';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import type { ChatStarted, VisitorChatLine } from '../../../src-shared/protocol/web-channel';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { collect, eventually, request, settle, TEST_JWT_SECRET } from '../support/test-server';
import { countRows, openQueuesToWeb } from './web-support';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { signAccessToken } from '../../../src-server/features/auth/tokens';
import { VISITOR_GRACE_MS } from '../../../src-server/channels/web/chat-conversations';

describe.each(KINDS)('live web chat on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket;
  let anaSees: Map<string, Contact>;
  let sofiaToken: string;
  const visitors: Socket[] = [];

  /** A visitor's socket on /visitor, from a customer's website; `auth` to come back to a conversation. */
  const visit = (auth: Record<string, unknown> = {}, listen?: (socket: Socket) => void) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connectSocket(`${server.url}/visitor`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: 'https://shop.example' },
      });
      listen?.(socket); // before connecting: what the server sends on connection is not missed
      visitors.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => reject(err));
    });
  const start = async (
    visitor: Socket,
    payload: unknown = { name: 'Pat Visitor', email: 'pat@example.org', message: 'Hello, my export fails' },
  ) => request<ChatStarted>(visitor, 'chat:start', payload);
  const caseDetail = async (id: string) => {
    const res = await fetch(`${server.url}/api/v1/cases/${id}`, {
      headers: { authorization: `Bearer ${sofiaToken}` },
    });
    return CaseDetail.parse(((await res.json()) as { case: unknown }).case);
  };
  const chatOf = (conversationContact: (c: Contact) => boolean) =>
    [...anaSees.values()].find(conversationContact);

  beforeAll(async () => {
    await openQueuesToWeb(server.database.db);
    ana = await server.connect('ana');
    anaSees = watchContacts(ana);
    sofiaToken = (await server.login('sofia')).token;
  });
  afterAll(async () => {
    for (const v of visitors) v.disconnect();
  });
  beforeEach(async () => {
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
  });

  /** A visitor starts; ana (available) is offered the chat and accepts it. */
  async function acceptedChat() {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const visitor = await visit();
    const started = await start(visitor);
    if (!started.ok) throw new Error(started.error.message);
    await eventually(
      () =>
        chatOf((c) => c.channel === 'chat' && c.status === 'offered' && c.agentId === ORG.users.ana.id) !==
        undefined,
      5000,
      'chat offered',
    );
    const contact = chatOf((c) => c.channel === 'chat' && c.status === 'offered')!;
    const accepted = await runCommand(ana, 'contact:accept', { contactId: contact.id });
    expect(accepted.ok).toBe(true);
    return { visitor, started: started.data, contact };
  }

  it('starts a chat, the agent accepts, lines and typing go both ways, and the transcript is the case', async () => {
    const { visitor, started, contact } = await acceptedChat();
    expect(started.conversationId).toMatch(/^chat_/);
    expect(contact).toMatchObject({ provider: 'web_chat', channel: 'chat', from: 'pat@example.org' });
    const anaEvents = collect<SyncEvent>(ana, 'sync:event');
    const anaTyping = collect<{ contactId: string; typing: boolean }>(ana, 'chat:typing');
    const visitorLines = collect<VisitorChatLine>(visitor, 'chat:message');
    const visitorTyping = collect<{ typing: boolean }>(visitor, 'chat:typing');

    expect((await request(visitor, 'chat:typing', { typing: true })).ok).toBe(true);
    await eventually(
      () => anaTyping.some((t) => t.contactId === contact.id && t.typing),
      3000,
      'visitor typing at ana',
    );
    const line = await request<VisitorChatLine>(visitor, 'chat:message', { body: 'Are you there?' });
    expect(line).toMatchObject({ ok: true, data: { from: 'visitor', body: 'Are you there?' } });
    await eventually(
      () => anaEvents.some((e) => e.type === 'message.added' && e.payload.bodyText === 'Are you there?'),
      3000,
      'visitor line at ana',
    );

    expect(await request(ana, 'chat:typing', { contactId: contact.id, typing: true })).toEqual({
      ok: true,
      data: null,
    });
    await eventually(() => visitorTyping.some((t) => t.typing), 3000, 'agent typing at visitor');
    const sent = await runCommand(ana, 'chat:send', {
      contactId: contact.id,
      messageId: randomUUID(),
      body: 'Yes — how can I help?',
    });
    expect(sent.ok).toBe(true);
    await eventually(
      () => visitorLines.some((l) => l.body === 'Yes — how can I help?'),
      3000,
      'agent line at visitor',
    );
    // The visitor sees the agent's display name, nothing else about them.
    expect(visitorLines.find((l) => l.from === 'agent')).toEqual({
      id: expect.any(String),
      from: 'agent',
      name: 'Ana',
      body: 'Yes — how can I help?',
      at: expect.any(String),
    });

    const kase = await caseDetail(contact.caseId!);
    expect(kase.messages.map((m) => [m.direction, m.channel, m.bodyText])).toEqual([
      ['inbound', 'chat', 'Hello, my export fails'],
      ['inbound', 'chat', 'Are you there?'],
      ['outbound', 'chat', 'Yes — how can I help?'],
    ]);

    const ended = collect(visitor, 'chat:ended');
    expect((await runCommand(ana, 'contact:end', { contactId: contact.id })).ok).toBe(true);
    await eventually(() => ended.length > 0, 3000, 'chat:ended at visitor');
    expect(await request(visitor, 'chat:message', { body: 'hello?' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('tells the agent when the visitor leaves a chat they hold, which stays theirs to end', async () => {
    const { visitor, contact } = await acceptedChat();
    expect((await request(visitor, 'chat:leave', {})).ok).toBe(true);
    await eventually(() => anaSees.get(contact.id)?.endedAt != null, 3000, 'the departure at ana');
    expect(anaSees.get(contact.id)).toMatchObject({ status: 'active', agentId: ORG.users.ana.id });
    const late = await runCommand(ana, 'chat:send', {
      contactId: contact.id,
      messageId: randomUUID(),
      body: 'Still there?',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const leftAt = anaSees.get(contact.id)!.endedAt;
    expect((await runCommand(ana, 'contact:end', { contactId: contact.id })).ok).toBe(true);
    await eventually(() => anaSees.get(contact.id)?.status === 'wrap_up', 3000, 'the wrap-up');
    expect(anaSees.get(contact.id)?.endedAt).toBe(leftAt); // the conversation ended when they left
  });

  it('lets a visitor back in with their token, to their conversation only', async () => {
    const { visitor, started, contact } = await acceptedChat();
    await runCommand(ana, 'chat:send', {
      contactId: contact.id,
      messageId: randomUUID(),
      body: 'Hi, Ana here',
    });
    visitor.disconnect();
    const again = connectSocket(`${server.url}/visitor`, {
      auth: started,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    visitors.push(again);
    const history = await new Promise<VisitorChatLine[]>((resolve) => again.once('chat:history', resolve));
    // A reload shows the conversation so far; agents by display name only.
    expect(history.map((l) => [l.from, l.name, l.body])).toEqual([
      ['visitor', 'Pat Visitor', 'Hello, my export fails'],
      ['agent', 'Ana', 'Hi, Ana here'],
    ]);
    const lines = collect<VisitorChatLine>(again, 'chat:message');
    expect((await request(again, 'chat:message', { body: 'Back again' })).ok).toBe(true);
    await runCommand(ana, 'chat:send', {
      contactId: contact.id,
      messageId: randomUUID(),
      body: 'Welcome back',
    });
    await eventually(() => lines.some((l) => l.body === 'Welcome back'), 3000, 'line after reconnecting');

    // Visitor B: a chat of their own, then tries A's conversation with a wrong or borrowed token.
    const b = await visit();
    const bStarted = await start(b, { name: 'Bea', email: 'bea@example.org' });
    if (!bStarted.ok) throw new Error('B could not start');
    const bLines = collect<VisitorChatLine>(b, 'chat:message');
    await expect(visit({ conversationId: started.conversationId, token: 'guess' })).rejects.toThrow(
      'forbidden',
    );
    await expect(
      visit({ conversationId: started.conversationId, token: bStarted.data.token }),
    ).rejects.toThrow('forbidden');
    await expect(visit({ conversationId: 'chat_nope', token: started.token })).rejects.toThrow('forbidden');
    await expect(visit({ conversationId: 42 })).rejects.toThrow('forbidden');
    await runCommand(ana, 'chat:send', {
      contactId: contact.id,
      messageId: randomUUID(),
      body: 'Only for A',
    });
    await settle();
    expect(bLines.some((l) => l.body === 'Only for A')).toBe(false);
    // Without starting, a socket may not write anywhere.
    const stranger = await visit();
    expect(await request(stranger, 'chat:message', { body: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses bad payloads with ack errors and stores nothing', async () => {
    const visitor = await visit();
    const before = await Promise.all([
      countRows(server.database.db, 'cases'),
      countRows(server.database.db, 'chat_conversations'),
    ]);
    for (const bad of [
      {},
      { name: 'x', email: 'nope' },
      { name: '', email: 'a@b.example' },
      { name: 'x', email: 'a@b.example', message: 'm'.repeat(5001) },
      'junk',
      null,
    ]) {
      const answer: Ack<unknown> = await start(visitor, bad);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(
      await Promise.all([
        countRows(server.database.db, 'cases'),
        countRows(server.database.db, 'chat_conversations'),
      ]),
    ).toEqual(before);
    expect((await start(visitor)).ok).toBe(true);
    expect(await start(visitor)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const messages = await countRows(server.database.db, 'messages');
    for (const bad of [{ body: '' }, { body: 'b'.repeat(5001) }, { text: 'hi' }, 7]) {
      expect(await request(visitor, 'chat:message', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
    expect(await request(visitor, 'chat:typing', { typing: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await countRows(server.database.db, 'messages')).toBe(messages);
  });

  it('refuses chat:typing from a live socket whose token expired, and tells the visitor nothing', async () => {
    const { visitor, contact } = await acceptedChat();
    const visitorTyping = collect<{ typing: boolean }>(visitor, 'chat:typing');
    const session = await server.login('ana');
    const sessionId = (decodeJwt(session.token) as { sid: string }).sid;
    const shortLived = await signAccessToken(
      new TextEncoder().encode(TEST_JWT_SECRET),
      ORG.users.ana.id,
      sessionId,
      1,
    );
    const expiresAtMs = (decodeJwt(shortLived).exp ?? 0) * 1000;
    const expiring = await server.connect({ token: shortLived });
    await eventually(() => Date.now() > expiresAtMs, 5000, 'the token to expire');

    expect(await request(expiring, 'chat:typing', { contactId: contact.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    // Then a typing notice that may pass: it arrives, and it is the only one the visitor got.
    expect((await request(ana, 'chat:typing', { contactId: contact.id, typing: false })).ok).toBe(true);
    await eventually(() => visitorTyping.length > 0, 3000, 'the valid notice at the visitor');
    expect(visitorTyping).toEqual([{ typing: false }]);
  });

  it('limits how fast a visitor may write', async () => {
    const visitor = await visit();
    expect((await start(visitor, { name: 'Fast', email: 'fast@example.org' })).ok).toBe(true);
    const answers: Ack<unknown>[] = [];
    for (let i = 0; i < 12; i++) answers.push(await request(visitor, 'chat:message', { body: `line ${i}` }));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('abandons a chat whose visitor leaves while it waits', async () => {
    const visitor = await visit();
    const started = await start(visitor, { name: 'Leaving', email: 'leaving@example.org' });
    if (!started.ok) throw new Error('could not start');
    expect(await request(visitor, 'chat:leave', {})).toEqual({ ok: true, data: null });
    const contacts = await fetch(`${server.url}/api/v1/contacts?channel=chat&status=abandoned`, {
      headers: { authorization: `Bearer ${sofiaToken}` },
    });
    const { contacts: list } = (await contacts.json()) as { contacts: Contact[] };
    expect(list.some((c) => c.from === 'leaving@example.org')).toBe(true);
  });

  it('gives a visitor whose page went away a minute to come back, then abandons the waiting chat', async () => {
    const graceTimer = async () => {
      const result = await server.database.db.execute(
        sql`select due_at from timers where kind = 'visitor_gone'`,
      );
      return (result as unknown as { rows: { due_at: unknown }[] }).rows.length;
    };
    const visitor = await visit();
    const started = await start(visitor, { name: 'Flaky', email: 'flaky@example.org' });
    if (!started.ok) throw new Error('could not start');
    const auth = { conversationId: started.data.conversationId, token: started.data.token };

    visitor.disconnect();
    await eventually(async () => (await graceTimer()) === 1, 5000, 'the grace deadline');
    const back = await visit(auth); // back in time: the deadline goes
    await eventually(async () => (await graceTimer()) === 0, 5000, 'the deadline dropped');

    back.disconnect();
    await eventually(async () => (await graceTimer()) === 1, 5000, 'a new grace deadline');
    await fireDueDeadlines(server.database.db, new Date(Date.now() + VISITOR_GRACE_MS + 1000));
    const res = await fetch(`${server.url}/api/v1/contacts?channel=chat&status=abandoned`, {
      headers: { authorization: `Bearer ${sofiaToken}` },
    });
    const { contacts: list } = (await res.json()) as { contacts: Contact[] };
    expect(list.some((c) => c.from === 'flaky@example.org')).toBe(true);
    let ended: unknown[] = [];
    await visit(auth, (late) => (ended = collect(late, 'chat:ended')));
    await eventually(() => ended.length > 0, 5000, 'the late visitor told the chat ended');
  });

  it('keeps agents to their own chats', async () => {
    const { contact } = await acceptedChat();
    const ben = await server.connect('ben');
    expect(
      await runCommand(ben, 'chat:send', {
        contactId: contact.id,
        messageId: randomUUID(),
        body: 'Not mine',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(ben, 'chat:typing', { contactId: contact.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await request(ana, 'chat:typing', { contactId: contact.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('keeps the console namespace to its origins while visitors come from anywhere', async () => {
    const { token } = await server.login('ana');
    await expect(server.connect({ token }, { origin: 'https://shop.example' })).rejects.toThrow();
    const fromShop = await visit();
    expect(fromShop.connected).toBe(true);
  });
});
