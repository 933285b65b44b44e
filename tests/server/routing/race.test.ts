import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { ORG } from '../../fixtures/minimal-org';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually, startTestServer } from '../support/test-server';
import {
  AGENT_COUNT,
  CALLS,
  createRaceContacts,
  ownRedisDatabase,
  racerIds,
  racingAgent,
  seedFloor,
  type Race,
} from './race-floor';
import {
  closedAtLeast,
  expectOneHolderEach,
  latestSyncId,
  offerSpans,
  offeredToAtLeast,
  type OfferSpan,
  pollUntil,
  sleep,
} from './race-outcome';

const servicesHere = (await hasPostgres()) && (await hasRedis());

// ---------------------------------------------------------------------------------------------

describe.runIf(servicesHere)('routing races: real server processes on one PostgreSQL', () => {
  // Each race's processes, sockets and database go when it ends, passed or failed.
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /** A fresh database, seeded, with two server processes on it sharing Redis, and the racers signed in. */
  async function openFloor(options: { offerTimeoutSeconds?: number } = {}) {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    await seedFloor(database.url, options.offerTimeoutSeconds);
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    cleanups.push(() => sql.end());
    const redisUrl = ownRedisDatabase();
    const startNode = async () => {
      const node = await startServerProcess({ DATABASE_URL: database.url, REDIS_URL: redisUrl });
      cleanups.push(node.stop);
      return node;
    };
    const nodes = await Promise.all([startNode(), startNode()]);
    const race: Race = { contactIds: [], attempts: [], problems: [] };
    const isRaceContact = (id: string) => race.contactIds.includes(id);
    const agents = await Promise.all(
      racerIds.map(async (id, i) => {
        const node = nodes[i % nodes.length]!;
        const agent = racingAgent(id, await signIn(node.url, id.slice(4), ORG.password), race, isRaceContact);
        await agent.connectTo(node.url);
        cleanups.push(async () => agent.disconnect());
        return agent;
      }),
    );
    /** New race contacts, logged by a supervisor signed in on each of `through`, all at once. */
    const addContacts = async (count: number, through: ServerProcess[]) => {
      const contactIds = Array.from({ length: count }, () => randomUUID());
      race.contactIds.push(...contactIds);
      const creators = await Promise.all(
        through.map(async ({ url }) => openSocket(url, await signIn(url, 'sofia', ORG.password))),
      );
      try {
        await createRaceContacts(creators, contactIds);
      } finally {
        creators.forEach((socket) => socket.disconnect());
      }
    };
    return { sql, nodes, agents, race, addContacts, startNode };
  }

  it('gives every contact exactly one holder while 50 agents on two nodes race to accept', async () => {
    const floor = await openFloor();
    await floor.addContacts(CALLS, floor.nodes);
    await pollUntil(closedAtLeast(floor.sql, CALLS), 60_000);

    await expectOneHolderEach(floor.sql, floor.race);
    const ownAccepts = floor.race.attempts.filter((a) => a.offeredTo === a.agentId);
    expect(ownAccepts.filter((a) => !a.answer.ok)).toEqual([]);
    for (const node of floor.nodes) expect(node.errorLines()).toEqual([]);
  }, 80_000);

  it('loses and doubles nothing when a node is killed mid-run; the survivor sweeps its offers', async () => {
    const offerTimeoutSeconds = 5;
    const floor = await openFloor({ offerTimeoutSeconds });
    const [survivor, victim] = floor.nodes as [ServerProcess, ServerProcess];
    const orphans = floor.agents.filter((_, i) => i % floor.nodes.length === 1);
    const orphanIds = new Set(orphans.map((a) => a.id));
    // Twice as many calls as agents: calls still wait when the victim's agents stop answering.
    const callsBeforeKill = CALLS;
    await floor.addContacts(callsBeforeKill, floor.nodes);
    await pollUntil(closedAtLeast(floor.sql, 10), 30_000);

    // Offers sit on the screens of the victim's consoles, not yet accepted, when it dies.
    orphans.forEach((agent) => agent.holdBack());
    await pollUntil(offeredToAtLeast(floor.sql, orphanIds, 3), 10_000);
    await victim.crash();
    const killedAt = await latestSyncId(floor.sql);
    // Long enough for every offer open to the dead node's consoles to fall due and be swept.
    await sleep((offerTimeoutSeconds + 3) * 1000);
    const restartedAt = await latestSyncId(floor.sql);
    const restarted = await floor.startNode();
    await Promise.all(orphans.map((agent, i) => agent.connectTo(i % 2 ? survivor.url : restarted.url)));
    // One new call for every agent, so those back from the dead node get work too.
    await floor.addContacts(AGENT_COUNT, [survivor, restarted]);
    await pollUntil(closedAtLeast(floor.sql, callsBeforeKill + AGENT_COUNT), 60_000);

    const changes = await expectOneHolderEach(floor.sql, floor.race);
    const toOrphans = offerSpans(changes).filter(({ offer }) => orphanIds.has(offer.after.agentId ?? ''));
    const sweptWhileDown = ({ end }: OfferSpan) =>
      !!end &&
      end.syncId > killedAt &&
      end.syncId <= restartedAt &&
      end.actorId === null &&
      end.after.status === 'queued';
    const openAtKill = toOrphans.filter(
      ({ offer, end }) => offer.syncId <= killedAt && (end?.syncId ?? Infinity) > killedAt,
    );
    expect(openAtKill.length).toBeGreaterThan(0);
    expect(openAtKill.filter((span) => !sweptWhileDown(span))).toEqual([]);
    const orphansBackAtWork = changes.filter(
      (c) => c.syncId > restartedAt && c.after.status === 'active' && orphanIds.has(c.after.agentId ?? ''),
    );
    expect(orphansBackAtWork.length).toBeGreaterThan(0);
    for (const node of [survivor, restarted]) expect(node.errorLines()).toEqual([]);
  }, 85_000);
});

describe.runIf(await hasPostgres())('an Accept and the deadline sweep racing for one offer', () => {
  it('do not deadlock when the Accept waits for the contact past the offer deadline', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({ kind: 'postgres', databaseUrl: database.url });
    const otherCommand = new pg.Client({ connectionString: database.url });
    try {
      await otherCommand.connect();
      const [ana, sofia] = [await server.connect('ana'), await server.connect('sofia')];
      const anaSees = watchContacts(ana);
      await runCommand(ana, COMMAND_TYPES.setAgentState, { state: 'available' });
      const { id } = await createContact(sofia, { queueId: ORG.queues.en });
      await eventually(() => anaSees.get(id)?.status === 'offered', 5000, 'the offer');
      await server.app.routing.stop(); // from here on only this test sweeps
      const deadline = new Date(Date.now() + 500);
      await otherCommand.query('update contacts set offer_expires_at = $2 where id = $1', [id, deadline]);
      await otherCommand.query('update timers set due_at = $2 where contact_id = $1', [id, deadline]);

      // Another command holds the contact (in a race, the refused Accepts take turns at it)…
      await otherCommand.query('begin');
      await otherCommand.query('select id from contacts where id = $1 for update', [id]);
      // …while Ana's Accept, sent in time, waits for it, and the deadline passes.
      const accepted = runCommand(ana, COMMAND_TYPES.acceptContact, { contactId: id });
      await sleep(deadline.getTime() - Date.now() + 100);
      const swept = fireDueDeadlines(server.database.db, new Date()).catch((err: unknown) => err);
      await sleep(200);
      await otherCommand.query('commit');

      expect((await accepted).ok).toBe(true);
      expect(await swept).toEqual([]); // the contact was busy: its deadline waits for the next sweep
      const { rows } = await otherCommand.query('select status, agent_id from contacts where id = $1', [id]);
      expect(rows).toEqual([{ status: 'active', agent_id: ORG.users.ana.id }]);
    } finally {
      await otherCommand.end();
      await server.close();
      await database.drop();
    }
  });
});
