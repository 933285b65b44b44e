import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../src-shared/protocol/sync';
import { ORG } from '../fixtures/minimal-org';
import { actorFor } from './support/actor';
import { KINDS, serverForSuite } from './support/server-test';
import { collect, eventually, request, settle, type TestServer } from './support/test-server';

const setState = (state: string, extra: Record<string, unknown> = {}, commandId = randomUUID()) => ({
  commandId,
  type: 'agent:set-state',
  payload: { state, ...extra },
});
const addNote = (caseId: string, body: string, commandId = randomUUID()) => ({
  commandId,
  type: 'case:add-note',
  payload: { caseId, noteId: randomUUID(), body, visibility: 'internal' },
});
const countEvents = async (server: TestServer) => {
  const rows = await server.database.db.execute<{ n: number }>(sql`select count(*)::int as n from events`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n);
};

describe.each(KINDS)('the sync spine on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket, ben: Socket, eva: Socket, sofia: Socket, carl: Socket;

  beforeAll(async () => {
    ana = await server.connect('ana');
    ben = await server.connect('ben');
    eva = await server.connect('eva');
    sofia = await server.connect('sofia');
    carl = await server.connect('carl');
  });

  it('applies a command once, pushes its event to exactly its audience, and answers a repeat alike', async () => {
    const seen = Object.fromEntries(
      Object.entries({ ana, ben, eva, sofia, carl }).map(([name, s]) => [
        name,
        collect<SyncEvent>(s, SOCKET_EVENTS.syncEvent),
      ]),
    );
    const before = await countEvents(server);
    const command = setState('available');
    const first = await request<{ syncId: number; entity: { state: string; version: number } }>(
      ana,
      SOCKET_EVENTS.command,
      command,
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.entity.state).toBe('available');
    const repeat = await request(ana, SOCKET_EVENTS.command, command);
    expect(repeat).toEqual(first);
    expect(await countEvents(server)).toBe(before + 1);

    await eventually(
      () =>
        seen.ana!.length === 1 &&
        seen.ben!.length === 1 &&
        seen.sofia!.length === 1 &&
        seen.carl!.length === 1,
    );
    await settle();
    expect(seen.eva).toEqual([]); // another team never sees it
    expect(seen.ana![0]).toMatchObject({
      type: 'agent.state-changed',
      entityId: 'usr_ana',
      syncId: first.data.syncId,
    });
    for (const name of ['ana', 'ben', 'sofia', 'carl']) expect(seen[name]).toHaveLength(1);
  });

  it('answers a concurrent repeat of one command id with the first result, applied once', async () => {
    const command = setState('away', { reasonCode: 'lunch' });
    const before = await countEvents(server);
    const answers = await Promise.all([1, 2, 3].map(() => request(ben, SOCKET_EVENTS.command, command)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await countEvents(server)).toBe(before + 1);
  });

  it('refuses a stale version with a conflict carrying the current state', async () => {
    const answer = await request(ana, SOCKET_EVENTS.command, { ...setState('offline'), expectedVersion: 0 });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { id: 'usr_ana', state: 'available' } },
    });
  });

  it('refuses bad commands with a clear error and changes nothing', async () => {
    const before = await countEvents(server);
    const cases: [Socket, unknown, string][] = [
      [ana, { type: 'agent:set-state', payload: { state: 'available' } }, 'invalid'], // no command id
      [ana, setState('dancing'), 'invalid'],
      [ana, setState('away'), 'invalid'], // away needs a reason
      [ana, setState('busy'), 'invalid'], // routing sets busy, not people
      [ana, { commandId: randomUUID(), type: 'nuke:everything', payload: {} }, 'invalid'],
      [ana, 'not an object', 'invalid'],
      [carl, setState('available'), 'forbidden'], // a coach has no agent state
      [ana, setState('offline', { agentId: ORG.users.ben.id }), 'forbidden'], // only supervisors force others
      [sofia, setState('offline', { agentId: 'usr_nobody' }), 'not_found'],
      [ana, addNote(ORG.cases.es, 'not my queue'), 'forbidden'],
      [ana, addNote('case_missing', 'hello'), 'not_found'],
      [
        ana,
        {
          commandId: randomUUID(),
          type: 'user:set-disabled',
          payload: { userId: ORG.users.ben.id, disabled: true },
        },
        'forbidden',
      ],
    ];
    for (const [socket, command, code] of cases) {
      const answer = await request(socket, SOCKET_EVENTS.command, command);
      expect(answer, JSON.stringify(command)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await countEvents(server)).toBe(before);
    expect(ana.connected).toBe(true);
  });

  it('survives garbage on the socket: no ack, wrong types, unknown events', async () => {
    ana.emit(SOCKET_EVENTS.command, setState('available')); // no ack: ignored
    ana.emit('no:such-event', { a: 1 }, () => undefined);
    const bad = await request(ana, SOCKET_EVENTS.syncSince, { lastSyncId: -5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await request(ana, SOCKET_EVENTS.syncSince, { lastSyncId: 0 })).ok).toBe(true);
  });

  it('lets a supervisor force an agent state, seen live by the agent', async () => {
    const seen = collect<SyncEvent>(ben, SOCKET_EVENTS.syncEvent);
    const answer = await request(
      sofia,
      SOCKET_EVENTS.command,
      setState('offline', { agentId: ORG.users.ben.id }),
    );
    expect(answer.ok).toBe(true);
    await eventually(() =>
      seen.some((e) => e.entityId === ORG.users.ben.id && e.type === 'agent.state-changed'),
    );
  });

  it('catches up from a position: only what the user may see, in order, in pages', async () => {
    const start = await request<SinceResponse>(eva, SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
    if (!start.ok) throw new Error('since failed');
    expect(start.data.snapshot?.agents.map((a) => a.id)).toEqual([ORG.users.eva.id]); // only her team
    const position = start.data.lastSyncId;

    for (let i = 0; i < 5; i++)
      expect((await request(ana, SOCKET_EVENTS.command, addNote(ORG.cases.en, `note ${i}`))).ok).toBe(true);
    expect((await request(eva, SOCKET_EVENTS.command, addNote(ORG.cases.es, 'nota'))).ok).toBe(true);

    const evaView = await request<SinceResponse>(eva, SOCKET_EVENTS.syncSince, { lastSyncId: position });
    if (!evaView.ok) throw new Error('since failed');
    expect(evaView.data.events.map((e) => e.type)).toEqual(['note.added']);
    expect(evaView.data.events[0]!.payload).toMatchObject({ body: 'nota' });

    const pages: SyncEvent[] = [];
    let cursor = position;
    for (let more = true; more;) {
      const page = await request<SinceResponse>(ben, SOCKET_EVENTS.syncSince, {
        lastSyncId: cursor,
        limit: 2,
      });
      if (!page.ok) throw new Error('since failed');
      expect(page.data.events.length).toBeLessThanOrEqual(2);
      pages.push(...page.data.events);
      cursor = page.data.lastSyncId;
      more = page.data.hasMore;
    }
    expect(pages.map((e) => (e.payload as { body: string }).body)).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
    ]);
    const ids = pages.map((e) => e.syncId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('a retry after a lost ack is applied once (the commit happened, the answer did not arrive)', async () => {
    const command = addNote(ORG.cases.en, 'written just before the server died');
    const actor = await server.app.commands.run(
      await actorFor(server.database.db, ORG.users.ana.id),
      command,
    );
    expect(actor.ok).toBe(true);
    const before = await countEvents(server);
    const retry = await request(ana, SOCKET_EVENTS.command, command);
    expect(retry).toEqual(actor);
    expect(await countEvents(server)).toBe(before);
  });

  it('gives a console whose position is beyond the log (a reset server) a fresh snapshot', async () => {
    const answer = await request<SinceResponse>(sofia, SOCKET_EVENTS.syncSince, { lastSyncId: 10_000_000 });
    if (!answer.ok) throw new Error('since failed');
    expect(answer.data.snapshot?.agents.length).toBe(3); // a supervisor sees every agent
    expect(answer.data.lastSyncId).toBeLessThan(10_000_000);
  });
});
