import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { cannedResponses } from '../../../src-server/db/schema';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { CannedResponsesResponse, type CannedResponse } from '../../../src-shared/protocol/canned-responses';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { runCommand } from '../support/contact-commands';
import { hasPostgres } from '../support/services';
import { startOnOwnDatabase, type DatabaseKind, type TestServer } from '../support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

type Saved = { entity: CannedResponse };

/** Issue 15: canned responses — personal for everyone, shared by supervisors (their team) and admins. */
describe.each(kinds)('canned responses on %s', (kind) => {
  let server: TestServer;
  const sockets = {} as Record<FixtureUser, Socket>;
  const tokens = {} as Record<FixtureUser, string>;
  const people: FixtureUser[] = ['ana', 'ben', 'eva', 'carl', 'sofia', 'admin'];

  const save = (who: FixtureUser, payload: Record<string, unknown>, expectedVersion?: number) =>
    runCommand<Saved>(
      sockets[who],
      'canned-response:save',
      {
        cannedId: randomUUID(),
        title: 'Thanks',
        body: 'Thank you {{customer.name}}',
        language: 'en',
        ...payload,
      },
      { expectedVersion },
    );
  const savedOf = async (pending: ReturnType<typeof save>) => {
    const ack = await pending;
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data.entity;
  };
  const list = async (who: FixtureUser, query = '') => {
    const res = await fetch(`${server.url}${API_ROUTES.cannedResponses}${query}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(res.status).toBe(200);
    return CannedResponsesResponse.parse(await res.json()).responses.map((r) => r.title);
  };
  const stored = async () => (await server.database.db.select({ n: count() }).from(cannedResponses))[0]?.n;

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind);
    for (const who of people) {
      tokens[who] = (await server.login(who)).token;
      sockets[who] = await server.connect({ token: tokens[who] });
    }
  });
  afterAll(() => server?.close());

  it('keeps an agent’s personal response theirs alone', async () => {
    const mine = await savedOf(save('ana', { title: 'Ana’s sign-off', shared: false }));
    expect(mine).toMatchObject({ ownerId: ORG.users.ana.id, shared: false, version: 1 });
    expect(await list('ana')).toContain('Ana’s sign-off');
    expect(await list('ben')).not.toContain('Ana’s sign-off');
    expect(await list('admin')).not.toContain('Ana’s sign-off');

    const edit = await save('ben', { cannedId: mine.id, title: 'Taken', shared: false });
    expect(edit).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await list('ana')).toContain('Ana’s sign-off');
  });

  it('lets a supervisor share with their own team only, and an admin with every queue', async () => {
    await savedOf(save('sofia', { title: 'EN team hello', teamId: ORG.teams.en, shared: true }));
    expect(await list('ana')).toContain('EN team hello');
    expect(await list('eva')).not.toContain('EN team hello');

    const before = await stored();
    expect(await save('sofia', { title: 'ES hello', teamId: ORG.teams.es, shared: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await save('sofia', { title: 'Everywhere', shared: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Only an admin') },
    });
    expect(await save('ana', { title: 'Ana shares', queueId: ORG.queues.en, shared: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('save it as personal') },
    });
    expect(await save('carl', { title: 'Coach', shared: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await stored()).toBe(before);

    await savedOf(save('admin', { title: 'Hola a todos', language: 'es', shared: true }));
    expect(await list('eva')).toContain('Hola a todos');
    expect(await list('ana')).toContain('Hola a todos');
  });

  it('filters by language and by the queue a response applies to', async () => {
    await savedOf(
      save('admin', { title: 'ES queue only', language: 'es', queueId: ORG.queues.es, shared: true }),
    );
    expect(await list('admin', `?queueId=${ORG.queues.en}`)).not.toContain('ES queue only');
    expect(await list('admin', `?queueId=${ORG.queues.es}`)).toEqual(
      expect.arrayContaining(['ES queue only', 'Hola a todos']),
    );
    expect(await list('admin', `?queueId=${ORG.queues.es}`)).not.toContain('EN team hello');
    expect(await list('eva', '?language=es')).toEqual(['ES queue only', 'Hola a todos']);
  });

  it('archives a response out of the pickers, and refuses an edit of a version someone else changed', async () => {
    const shared = await savedOf(save('sofia', { title: 'Old title', teamId: ORG.teams.en, shared: true }));
    const payload = { cannedId: shared.id, teamId: ORG.teams.en, shared: true };
    const renamed = await savedOf(save('admin', { ...payload, title: 'New title' }, 1));
    expect(renamed.version).toBe(2);
    expect(await save('sofia', { ...payload, title: 'Stale edit' }, 1)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await savedOf(save('sofia', { ...payload, title: 'New title', archived: true }, 2));
    expect(await list('ana')).not.toContain('New title');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await stored();
    const unknownPlaceholder = await save('admin', { body: 'Dear {{customer.first}}', shared: true });
    expect(unknownPlaceholder).toMatchObject({
      ok: false,
      error: { code: 'invalid', details: [expect.objectContaining({ path: ['payload', 'body'] })] },
    });
    expect(await save('admin', { queueId: ORG.queues.en, teamId: ORG.teams.en, shared: true })).toMatchObject(
      { ok: false, error: { code: 'invalid' } },
    );
    expect(await save('admin', { queueId: 'q_nowhere', shared: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('queueId') },
    });
    expect(await save('admin', { title: '   ', shared: true })).toMatchObject({ ok: false });
    expect(await stored()).toBe(before);
  });
});
