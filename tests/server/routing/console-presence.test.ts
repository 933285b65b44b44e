import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { openDatabase } from '../../../src-server/db/database';
import { connectRedisAdapter } from '../../../src-server/platform/redis-adapter';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { createContact, runCommand } from '../support/contact-commands';
import { REDIS_TEST_URL, createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually, startTestServer, type TestServer } from '../support/test-server';

const GRACE_S = 30;
const ANA = ORG.users.ana.id;
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

type Row = Record<string, unknown>;
const rowsOf = async (server: TestServer, query: ReturnType<typeof sql>) =>
  ((await server.database.db.execute(query)) as unknown as { rows: Row[] }).rows;

const agentRow = async (server: TestServer, userId = ANA) =>
  (
    await rowsOf(
      server,
      sql`select state, reason_code, missed_offers from agent_states where user_id = ${userId}`,
    )
  )[0];
const contactRow = async (server: TestServer, id: string) =>
  (await rowsOf(server, sql`select status, agent_id from contacts where id = ${id}`))[0];
const inGrace = async (server: TestServer, userId = ANA) =>
  (await rowsOf(server, sql`select 1 from presence_deadlines where user_id = ${userId}`)).length > 0;

/**
 * Issue 11, finding 2: a console that is gone (its socket closed on every device) leaves routing
 * after the grace period; what was offered to it returns to the queue and is not its miss; a
 * console back in time keeps everything.
 */
describe.each(KINDS)('honest presence on %s', (kind) => {
  const server = serverForSuite(kind);
  let sofia: Socket;

  /** Ana signed in and Available on a fresh socket, with a call offered to her. */
  const anaWithAnOffer = async () => {
    const ana = await server.connect('ana');
    expect((await runCommand(ana, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(
      async () => (await contactRow(server, call.id))?.status === 'offered',
      10_000,
      'the offer',
    );
    expect((await contactRow(server, call.id))?.agent_id).toBe(ANA);
    return { ana, callId: call.id };
  };

  beforeAll(async () => {
    sofia = await server.connect('sofia');
  });
  beforeEach(async () => {
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(sql`update contacts set status = 'closed', agent_id = null`);
    await server.database.db.execute(sql`update agent_states set state = 'offline', missed_offers = 0`);
  });

  it('takes an agent whose console closed out of routing after the grace period, returning the offer unmissed', async () => {
    const { ana, callId } = await anaWithAnOffer();
    ana.disconnect();
    await eventually(() => inGrace(server), 10_000, 'the grace period to start');

    await fireDueDeadlines(server.database.db, inSeconds(GRACE_S - 10));
    expect((await agentRow(server))?.state).toBe('available');

    await fireDueDeadlines(server.database.db, inSeconds(GRACE_S + 1));
    expect(await agentRow(server)).toEqual({
      state: 'offline',
      reason_code: 'disconnected',
      missed_offers: 0,
    });
    expect(await contactRow(server, callId)).toEqual({ status: 'queued', agent_id: null });
    expect(await inGrace(server)).toBe(false);
  });

  it('returns the email the gone agent was working to its queue (original wait kept, reason recorded), while their live call stays on their phone', async () => {
    const ana = await server.connect('ana');
    expect((await runCommand(ana, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    const offeredToAna = async (id: string) => {
      await eventually(async () => (await contactRow(server, id))?.status === 'offered', 10_000, 'the offer');
      expect((await runCommand(ana, 'contact:accept', { contactId: id })).ok).toBe(true);
    };
    const email = await createContact(sofia, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'jane.roe@acme.com',
    });
    await offeredToAna(email.id);
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    await offeredToAna(call.id);
    ana.disconnect();
    await eventually(() => inGrace(server), 10_000, 'the grace period to start');

    await fireDueDeadlines(server.database.db, inSeconds(GRACE_S + 1));
    expect(await agentRow(server)).toMatchObject({ state: 'offline', reason_code: 'disconnected' });
    expect(await contactRow(server, email.id)).toEqual({ status: 'queued', agent_id: null });
    expect(await contactRow(server, call.id)).toEqual({ status: 'active', agent_id: ANA });
    const [back] = await rowsOf(server, sql`select queued_at from contacts where id = ${email.id}`);
    expect(new Date(back?.queued_at as string).toISOString()).toBe(email.queuedAt);
    const decisions = await rowsOf(
      server,
      sql`select outcome, reasons from routing_decisions where contact_id = ${email.id} and outcome = 'rerouted'`,
    );
    expect(decisions).toEqual([{ outcome: 'rerouted', reasons: ['holder_disconnected'] }]);

    const ben = await server.connect('ben');
    expect((await runCommand(ben, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    await eventually(
      async () => (await contactRow(server, email.id))?.agent_id === ORG.users.ben.id,
      10_000,
      'the email offered to ben',
    );
  });

  it('does not count an offer that timed out on a closed console as missed, nor offer it new work', async () => {
    const { ana, callId } = await anaWithAnOffer();
    ana.disconnect();
    await eventually(() => inGrace(server), 10_000, 'the grace period to start');

    await fireDueDeadlines(server.database.db, inSeconds(21)); // the phone offer's 20 s, not the grace
    expect(await contactRow(server, callId)).toMatchObject({ status: 'queued' });
    expect(await agentRow(server)).toMatchObject({ state: 'available', missed_offers: 0 });
    await server.app.routing.runOnce();
    expect(await contactRow(server, callId)).toMatchObject({ status: 'queued' });
  });

  it('keeps everything for a console that comes back within the grace period', async () => {
    const { ana, callId } = await anaWithAnOffer();
    ana.disconnect();
    await eventually(() => inGrace(server), 10_000, 'the grace period to start');
    await server.connect('ana');
    await eventually(async () => !(await inGrace(server)), 10_000, 'the grace period to end');

    await fireDueDeadlines(server.database.db, inSeconds(10)); // before the offer's 20 s
    expect(await contactRow(server, callId)).toEqual({ status: 'offered', agent_id: ANA });
    await fireDueDeadlines(server.database.db, inSeconds(GRACE_S + 1));
    expect(await agentRow(server)).toMatchObject({ state: 'available', reason_code: null });
  });

  it('keeps an agent in routing while another of their devices is still connected', async () => {
    const { ana, callId } = await anaWithAnOffer();
    const phone = await server.connect('ana');
    ana.disconnect();
    await runCommand(phone, 'agent:set-state', { state: 'available' }); // a round trip after the close
    expect(await inGrace(server)).toBe(false);
    await fireDueDeadlines(server.database.db, inSeconds(10)); // before the offer's 20 s
    expect(await contactRow(server, callId)).toEqual({ status: 'offered', agent_id: ANA });
    await fireDueDeadlines(server.database.db, inSeconds(GRACE_S + 1));
    expect(await agentRow(server)).toMatchObject({ state: 'available', reason_code: null });
  });
});

describe.runIf((await hasPostgres()) && (await hasRedis()))('honest presence across server nodes', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  const startNode = async (databaseUrl: string, streamName: string, seed: boolean) => {
    const redis = await connectRedisAdapter(REDIS_TEST_URL, { streamName });
    const node = await startTestServer({
      kind: 'postgres',
      databaseUrl,
      seed,
      configureSockets: redis.install,
    });
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await node.close();
        await redis.close();
      })());
    closers.unshift(close);
    return { node, close };
  };

  it('counts a console on another node, and a grace period survives a restart of the node that saw the close', async () => {
    const database = await createTestDatabase();
    closers.push(database.drop);
    const streamName = `agentdeck-presence-${randomUUID()}`;
    const a = await startNode(database.url, streamName, true);
    const b = await startNode(database.url, streamName, false);

    const anaOnA = await a.node.connect('ana');
    await runCommand(anaOnA, 'agent:set-state', { state: 'available' });
    const anaOnB = await b.node.connect('ana');
    anaOnA.disconnect();
    await runCommand(anaOnB, 'agent:set-state', { state: 'available' });
    expect(await inGrace(a.node)).toBe(false);

    anaOnB.disconnect();
    await eventually(() => inGrace(a.node), 30_000, 'the grace period to start');
    await b.close();
    await a.close();
    const restarted = await startNode(database.url, streamName, false);
    await fireDueDeadlines(restarted.node.database.db, inSeconds(GRACE_S + 1));
    expect(await agentRow(restarted.node)).toMatchObject({ state: 'offline', reason_code: 'disconnected' });
  });

  it('does not count a console of another deployment sharing the same Redis', async () => {
    const ours = await createTestDatabase();
    const theirs = await createTestDatabase();
    closers.push(ours.drop, theirs.drop);
    const other = await startNode(theirs.url, `agentdeck-presence-${randomUUID()}`, true);
    const node = await startNode(ours.url, `agentdeck-presence-${randomUUID()}`, true);
    // The same demo organisation in both: their Ana has the same id and stays connected there.
    const theirAna = await other.node.connect('ana');
    await runCommand(theirAna, 'agent:set-state', { state: 'available' });

    const ana = await node.node.connect('ana');
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    ana.disconnect();
    await eventually(() => inGrace(node.node), 30_000, 'the grace period to start');
    expect(await inGrace(other.node)).toBe(false);
  });

  it('gives an agent in routing whose node died a grace period when a node starts', async () => {
    const database = await createTestDatabase();
    closers.push(database.drop);
    // As a crashed node leaves it: Available, with no console anywhere and no grace period.
    const orphaned = await openDatabase({ kind: 'postgres', url: database.url });
    await insertMinimalOrg(orphaned.db);
    await orphaned.db.execute(sql`update agent_states set state = 'available' where user_id = ${ANA}`);
    await orphaned.close();
    const next = await startNode(database.url, `agentdeck-presence-${randomUUID()}`, false);
    await eventually(() => inGrace(next.node), 30_000, 'a grace period for the orphaned agent');
  });
});
