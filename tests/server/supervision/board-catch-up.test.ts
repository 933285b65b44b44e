import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { BoardToday } from '../../../src-shared/protocol/board-today';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';
import { BoardCache, boardFromApi } from './board-cache';
import { call } from './supervision-fixtures';

/** `board:today` without its timestamp, which differs between a push and a read by design. */
const figuresOf = ({ queues, agents }: BoardToday) => ({ queues, agents });

/**
 * Issue 14: the board is driven by pushed events, and after a reconnect it catches up and is right
 * again. A supervisor's board (a real socket.io client applying events as the console does) loses
 * its socket; meanwhile agents change state, contacts arrive and are offered, one is reassigned;
 * the board reconnects, catches up from its last position and shows what the API shows.
 */
describe.each(KINDS)('the supervisor board after a reconnect on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket, ben: Socket, eva: Socket, admin: Socket;
  let sofiaToken: string;
  let seen: Map<string, Contact>;
  const board = new BoardCache();

  beforeAll(async () => {
    [ana, ben, eva, admin] = await Promise.all([
      server.connect('ana'),
      server.connect('ben'),
      server.connect('eva'),
      server.connect('admin'),
    ]);
    seen = watchContacts(admin);
    sofiaToken = (await server.login('sofia')).token;
  });
  afterAll(async () => {
    board.drop();
  });

  it('shows what the API shows after missing state changes, new contacts and a reassignment', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const email = await createContact(admin, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'jane.roe@acme.com',
    });
    await eventually(() => seen.get(email.id)?.status === 'offered', 5000, 'the email offered to ana');
    expect((await runCommand(ana, 'contact:accept', { contactId: email.id })).ok).toBe(true);

    await board.connect(server.url, sofiaToken);
    expect(board.startedOver).toBe(true);
    const before = Date.now();
    expect(board.figures(before)).toEqual(await boardFromApi(server.url, sofiaToken, before));

    board.drop();
    const missedFrom = board.lastSyncId;
    // Everything below happens while the board is away.
    await runCommand(ben, 'agent:set-state', { state: 'away', reasonCode: 'break' });
    await runCommand(eva, 'agent:set-state', { state: 'available' });
    const call1 = await createContact(admin, { queueId: ORG.queues.en, channel: 'phone' });
    const mail = await createContact(admin, {
      queueId: ORG.queues.es,
      channel: 'email',
      from: 'jose@acme.es',
    });
    const moved = await call(server.url, sofiaToken, 'POST', `/api/v1/contacts/${email.id}/reassign`, {
      queueId: ORG.queues.en,
      expectedAgentId: ORG.users.ana.id,
      reason: 'Back to the queue for the morning shift',
    });
    expect(moved.status).toBe(200);
    await eventually(() => seen.get(mail.id)?.agentId === ORG.users.eva.id, 5000, 'the mail offered to eva');
    await eventually(() => seen.get(call1.id)?.status !== undefined, 5000, 'the call logged');
    await runCommand(ana, 'agent:set-state', { state: 'away', reasonCode: 'lunch' });
    await eventually(
      () => [email.id, call1.id].every((id) => seen.get(id)?.status === 'queued'),
      5000,
      'the email and the call waiting once ana is away',
    );

    await board.connect(server.url, sofiaToken);
    expect(board.startedOver).toBe(false);
    expect(board.lastSyncId).toBeGreaterThan(missedFrom);
    const after = Date.now();
    const shown = board.figures(after);
    expect(shown).toEqual(await boardFromApi(server.url, sofiaToken, after));
    // The board is not merely equal to itself: it shows the changes it missed.
    const queueEn = shown.queues.find((q) => q.queueId === ORG.queues.en);
    expect(queueEn).toMatchObject({ waiting: 2, waitingByChannel: { phone: 1, email: 1 } });
    expect(queueEn?.staff).toMatchObject({ signedIn: 2, away: 2 });
    expect(shown.agents.find((a) => a.id === ORG.users.ben.id)).toMatchObject({
      state: 'away',
      reasonCode: 'break',
    });
    expect(shown.agents.find((a) => a.id === ORG.users.eva.id)?.work.map((w) => w.contactId)).toEqual([
      mail.id,
    ]);

    // Today's figures are pushed again on reconnecting and equal the API's.
    const api = await call<BoardToday>(server.url, sofiaToken, 'GET', '/api/v1/board/today');
    await eventually(
      () =>
        board.today !== null &&
        JSON.stringify(figuresOf(board.today)) === JSON.stringify(figuresOf(api.body)),
      5000,
      "today's figures pushed as the API reads them",
    );
  });
});
