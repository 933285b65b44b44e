import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../../src-shared/protocol/sync';
import { runCommand } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import {
  eventually,
  request,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from '../support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const FLOOD = 5000;

/** Emits `count` events at once without waiting for any answer; collects the answers that come. */
function flood(socket: Socket, event: string, payload: unknown, count: number): Ack<unknown>[] {
  const answers: Ack<unknown>[] = [];
  for (let i = 0; i < count; i++) socket.emit(event, payload, (answer: Ack<unknown>) => answers.push(answer));
  return answers;
}

const isRateLimited = (answer: Ack<unknown>) => !answer.ok && answer.error.code === 'rate_limited';

/** Sends as a console does: told to slow down, it waits the retry-after and sends again. */
async function politely<T>(send: () => Promise<Ack<T>>): Promise<Ack<T>> {
  for (;;) {
    const answer = await send();
    if (answer.ok || answer.error.code !== 'rate_limited') return answer;
    const { retryAfterMs } = answer.error.details as { retryAfterMs: number };
    await new Promise((resume) => setTimeout(resume, retryAfterMs));
  }
}

/** Issue 13, finding 2: one signed-in client flooding its socket cannot take the server from others. */
describe.each(kinds)('a console socket flooding events on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    // The shipped budgets, not the test servers' generous ones.
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: { AGENTDECK_SOCKET_EVENT_RATE_LIMIT: '20', AGENTDECK_USER_EVENT_RATE_LIMIT: '40' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('is answered rate_limited with a retry-after, then disconnected, while another agent is served', async () => {
    const flooder = await server.connect('ana');
    const ben = await server.connect('ben');
    const answers = flood(flooder, SOCKET_EVENTS.syncSince, { lastSyncId: 0 }, FLOOD);

    // Ben works on while the flood is in: every round trip answered, and the server's health too.
    for (let i = 0; i < 10; i++) {
      const state = await runCommand(ben, 'agent:set-state', { state: i % 2 ? 'available' : 'offline' });
      expect(state).toMatchObject({ ok: true });
      expect((await request(ben, SOCKET_EVENTS.syncSince, { lastSyncId: 0 })).ok).toBe(true);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    }

    await eventually(() => !flooder.connected, 15_000, 'the flooding socket disconnected');
    const refused = answers.filter(isRateLimited);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ error: { details: { retryAfterMs: expect.any(Number) } } });
    // Disconnected well before its flood was worked through.
    expect(answers.length).toBeLessThan(FLOOD);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(20);
    expect(ben.connected).toBe(true);
  });

  it("counts one user's events over all their sockets", async () => {
    const sockets = await Promise.all([1, 2, 3].map(() => server.connect('eva')));
    // 3 × 20 events: each socket within its own budget of 20, together over the user's 40.
    const answers = sockets.map((socket) => flood(socket, SOCKET_EVENTS.syncSince, { lastSyncId: -1 }, 20));
    await eventually(() => answers.every((a) => a.length === 20), 15_000, 'every answer');
    const all = answers.flat();
    expect(all.filter(isRateLimited).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((a) => !a.ok && a.error.code === 'invalid').length).toBeLessThanOrEqual(40);
  });

  it('answers a catch-up of the whole log in pages bounded by size, each event once', async () => {
    const sofia = await server.connect('sofia');
    const start = await request<SinceResponse>(sofia, SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
    if (!start.ok) throw new Error('snapshot refused');
    const ana = await server.connect('ana');
    const noteIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const noteId = randomUUID();
      noteIds.push(noteId);
      const body = `${i} ${'long call log '.repeat(1400)}`; // ~19,600 characters each
      const added = await politely(() =>
        runCommand(ana, 'case:add-note', { caseId: 'case_en', noteId, body, visibility: 'internal' }),
      );
      expect(added).toMatchObject({ ok: true });
    }

    const pages: SyncEvent[][] = [];
    let position = start.data.lastSyncId;
    for (let hasMore = true; hasMore;) {
      const page = await politely(() =>
        request<SinceResponse>(sofia, SOCKET_EVENTS.syncSince, { lastSyncId: position }),
      );
      if (!page.ok) throw new Error(`catch-up refused: ${page.error.message}`);
      pages.push(page.data.events);
      position = page.data.lastSyncId;
      hasMore = page.data.hasMore;
    }
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(Buffer.byteLength(JSON.stringify(page.map((e) => e.payload)))).toBeLessThan(600 * 1024);
    }
    const seen = pages.flat().filter((e) => noteIds.includes(e.entityId));
    expect(seen.map((e) => e.entityId)).toEqual(noteIds);
  });

  it('runs one catch-up at a time per socket', async () => {
    const sofia = await server.connect('sofia');
    const answers = await Promise.all([
      request(sofia, SOCKET_EVENTS.syncSince, { lastSyncId: 0 }),
      request(sofia, SOCKET_EVENTS.syncSince, { lastSyncId: 0 }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter(isRateLimited)).toHaveLength(1);
  });
});
