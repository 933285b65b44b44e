import { randomInt, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../../src-server/db/database';
import { agentStates, queues, users } from '../../../src-server/db/schema';
import { hashPassword } from '../../../src-server/features/auth/password';
import { DEFAULT_QUEUE_ROUTING } from '../../../src-server/routing/routing-defaults';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { REDIS_TEST_URL, createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually, request, startTestServer } from '../support/test-server';

const servicesHere = (await hasPostgres()) && (await hasRedis());

const AGENT_COUNT = 50;
/** Calls per race: every offer of each is raced for by all 50 agents on both nodes at once. */
const CALLS = 2 * AGENT_COUNT;
/**
 * Long: a console retries when its node is gone (the socket fails pending acks at once), not
 * because a loaded machine answers slowly (a retry racing its original is another matter).
 */
const ACK_TIMEOUT_MS = 30_000;
/** Calls only, one at a time: the tightest capacity there is. */
const PHONE_ONLY = { phone: 1, email: 0, web: 0, chat: 0, callback: 0 };
const PHONE_CAPACITY = PHONE_ONLY.phone;
const racerIds = Array.from({ length: AGENT_COUNT }, (_, i) => `usr_racer_${String(i).padStart(2, '0')}`);

/** The part of a logged contact the checks read (the rest of the schema may grow). */
const LoggedContact = z.object({
  id: z.string(),
  status: z.string(),
  agentId: z.string().nullable(),
  version: z.number(),
});
type LoggedContact = z.infer<typeof LoggedContact>;
const HOLDING = new Set(['offered', 'active', 'wrap_up']);
/**
 * What an agent is told when they accept an offer made to someone else, or an offer that has
 * moved on since (an Accept retried after its node died may find the contact already theirs).
 */
const NOT_YOURS = /not offered to you|Changed by someone else|The contact is [a-z-]+, not offered$/;
/** …and what else a refused Accept may say: the offer ran out before the Accept came. */
const CLEAR_REFUSAL = new RegExp(`${NOT_YOURS.source}|offer has expired`);

interface AcceptAttempt {
  agentId: string;
  contactId: string;
  offeredTo: string | null;
  answer: Ack<unknown>;
}

/** Everything the racing consoles saw that the checks need. */
interface Race {
  contactIds: string[];
  attempts: AcceptAttempt[];
  /** Refused ends and wrap-ups, internal errors: none expected. */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// The floor: one fresh database, the minimal org plus 50 phone agents, server processes on it.

async function seedFloor(url: string, offerTimeoutSeconds?: number): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await insertMinimalOrg(database.db);
    const passwordHash = await hashPassword(ORG.password);
    await database.db.insert(users).values(
      racerIds.map((id) => ({
        id,
        username: id.slice('usr_'.length),
        displayName: id,
        passwordHash,
        roles: ['agent'],
        teamId: ORG.teams.en,
        languages: ['en'],
        capacity: PHONE_ONLY,
      })),
    );
    await database.db.insert(agentStates).values(racerIds.map((userId) => ({ userId })));
    if (offerTimeoutSeconds !== undefined) {
      const offerTimeouts = { ...DEFAULT_QUEUE_ROUTING.offerTimeouts, phone: offerTimeoutSeconds };
      await database.db
        .update(queues)
        .set({ routing: { ...DEFAULT_QUEUE_ROUTING, offerTimeouts }, version: sql`${queues.version} + 1` })
        .where(eq(queues.id, ORG.queues.en));
    }
  } finally {
    await database.close();
  }
}

interface CommandSent {
  commandId: string;
  type: string;
  payload: unknown;
  expectedVersion?: number | undefined;
}

/** One command over one socket, waiting patiently for its answer. */
const sendOver = (socket: Socket, command: CommandSent): Promise<Ack<unknown>> =>
  request(socket, SOCKET_EVENTS.command, command, ACK_TIMEOUT_MS);

/**
 * A console of one racing agent: on every offer of a race contact it sees — its own or anyone
 * else's — it sends Accept at once; with its own accepted, it ends the call and completes the
 * wrap-up. Commands survive a dying node: an unanswered command is sent again, with the same
 * id, once the console is connected anywhere again (as the console's outbox does).
 */
function racingAgent(id: string, token: string, race: Race, isRaceContact: (id: string) => boolean) {
  let socket: Socket | null = null;
  let lastSyncId = 0;
  let isHoldingBack = false;
  const seen = new Set<string>();
  let waitingForSocket: (() => void)[] = [];

  async function send(type: string, payload: unknown, expectedVersion?: number): Promise<Ack<unknown>> {
    const commandId = randomUUID();
    for (;;) {
      const current = socket;
      if (!current?.connected) {
        await new Promise<void>((ready) => waitingForSocket.push(ready));
        continue;
      }
      try {
        return await sendOver(current, { commandId, type, payload, expectedVersion });
      } catch {
        // No answer: the node died (a lost socket fails its acks at once), ask again with the same id.
      }
    }
  }

  function onEvent(event: SyncEvent): void {
    lastSyncId = Math.max(lastSyncId, event.syncId);
    if (event.type !== 'contact.changed') return;
    const contact = LoggedContact.parse(event.payload);
    const offer = `${contact.id}@${contact.version}`;
    if (contact.status !== 'offered' || !isRaceContact(contact.id) || seen.has(offer)) return;
    if (isHoldingBack) return;
    seen.add(offer);
    void raceFor(contact);
  }

  async function raceFor(contact: LoggedContact): Promise<void> {
    const contactId = contact.id;
    const answer = await send(COMMAND_TYPES.acceptContact, { contactId }, contact.version);
    race.attempts.push({ agentId: id, contactId, offeredTo: contact.agentId, answer });
    if (!answer.ok) return;
    for (const type of [COMMAND_TYPES.endContact, COMMAND_TYPES.completeWrapUp]) {
      const done = await send(type, { contactId });
      if (!done.ok) race.problems.push(`${id} ${type} ${contactId}: ${done.error.message}`);
    }
  }

  /** Asks for everything after the last position seen, as a reconnecting console does. */
  async function catchUp(current: Socket): Promise<void> {
    for (let more = true; more;) {
      const since = { lastSyncId };
      const page = await request<SinceResponse>(current, SOCKET_EVENTS.syncSince, since, ACK_TIMEOUT_MS);
      if (!page.ok) throw new Error(`${id} sync:since refused: ${page.error.message}`);
      page.data.events.forEach(onEvent);
      lastSyncId = page.data.lastSyncId;
      more = page.data.hasMore;
    }
  }

  return {
    id,
    /** Connects to `url` (first time or after losing a node), goes Available and catches up. */
    async connectTo(url: string): Promise<void> {
      socket?.disconnect();
      isHoldingBack = false;
      const next = await openSocket(url, token);
      next.on(SOCKET_EVENTS.syncEvent, onEvent);
      socket = next;
      const available = await sendOver(next, {
        commandId: randomUUID(),
        type: COMMAND_TYPES.setAgentState,
        payload: { state: 'available' },
      });
      if (!available.ok) throw new Error(`${id} cannot go Available: ${available.error.message}`);
      if (lastSyncId > 0) await catchUp(next);
      const waiting = waitingForSocket;
      waitingForSocket = [];
      waiting.forEach((ready) => ready());
    },
    /** Lets new offers sit unanswered (the person has not clicked yet) until the next connect. */
    holdBack(): void {
      isHoldingBack = true;
    },
    disconnect(): void {
      socket?.disconnect();
    },
  };
}

async function createRaceContacts(creators: Socket[], contactIds: string[]): Promise<void> {
  const answers = await Promise.all(
    contactIds.map((contactId, i) =>
      sendOver(creators[i % creators.length]!, {
        commandId: randomUUID(),
        type: COMMAND_TYPES.createContact,
        payload: {
          contactId,
          channel: 'phone',
          queueId: ORG.queues.en,
          from: '+14155550134',
          subject: 'Race',
        },
      }),
    ),
  );
  expect(answers.filter((a) => !a.ok)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Reading the outcome from the database (read-only SQL).

async function statusCounts(db: pg.Client): Promise<Map<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from contacts group by status',
  );
  return new Map(rows.map((r) => [r.status, r.n]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds; on time-out the error says what was last seen. */
async function pollUntil(check: () => Promise<true | string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await check();
    if (outcome === true) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${outcome}`);
    await sleep(50);
  }
}

const closedAtLeast = (db: pg.Client, count: number) => async () => {
  const counts = await statusCounts(db);
  return (
    (counts.get('closed') ?? 0) >= count || `${count} closed wanted, have ${JSON.stringify([...counts])}`
  );
};

const offeredToAtLeast = (db: pg.Client, agentIds: Set<string>, count: number) => async () => {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from contacts where status = 'offered' and agent_id = any($1)",
    [[...agentIds]],
  );
  return (rows[0]?.n ?? 0) >= count || `${count} offers open to the victim's agents wanted`;
};

const latestSyncId = async (db: pg.Client) =>
  Number((await db.query<{ id: string | null }>('select max(sync_id) as id from events')).rows[0]?.id ?? 0);

interface LoggedChange {
  syncId: number;
  actorId: string | null;
  before: LoggedContact | undefined;
  after: LoggedContact;
}

/**
 * Replays every contact change in log order and checks, at every step, that each agent holds at
 * most their capacity and that only the agent a contact was offered to ever made it active.
 */
async function replayContactLog(db: pg.Client) {
  const { rows } = await db.query<{ sync_id: string; actor_id: string | null; payload: unknown }>(
    "select sync_id, actor_id, payload from events where type = 'contact.changed' order by sync_id",
  );
  const current = new Map<string, LoggedContact>();
  const heldBy = new Map<string, Set<string>>();
  const changes: LoggedChange[] = [];
  const violations: string[] = [];
  const acceptsTakingEffect = new Map<string, number>();
  for (const row of rows) {
    const after = LoggedContact.parse(row.payload);
    const before = current.get(after.id);
    const at = `sync ${row.sync_id} contact ${after.id}`;
    if (before && after.version <= before.version) violations.push(`${at}: version went back`);
    if (before?.agentId) heldBy.get(before.agentId)?.delete(after.id);
    if (after.agentId && HOLDING.has(after.status)) {
      const held = heldBy.get(after.agentId) ?? new Set();
      held.add(after.id);
      heldBy.set(after.agentId, held);
      if (held.size > PHONE_CAPACITY)
        violations.push(`${at}: ${after.agentId} holds ${[...held].join(', ')}`);
    }
    if (after.status === 'active' && before?.status !== 'active') {
      if (before?.status !== 'offered' || before.agentId !== after.agentId) {
        violations.push(`${at}: became active for ${after.agentId} without being offered to them`);
      }
      acceptsTakingEffect.set(after.id, (acceptsTakingEffect.get(after.id) ?? 0) + 1);
    }
    current.set(after.id, after);
    changes.push({ syncId: Number(row.sync_id), actorId: row.actor_id, before, after });
  }
  return { changes, violations, acceptsTakingEffect };
}

interface OfferSpan {
  offer: LoggedChange;
  /** The change that ended the offer (accepted, timed out…); none while it is still open. */
  end: LoggedChange | undefined;
}

/** Each offer in the log, with the change that ended it. */
function offerSpans(changes: LoggedChange[]): OfferSpan[] {
  const spans: OfferSpan[] = [];
  const open = new Map<string, OfferSpan>();
  for (const change of changes) {
    const span = open.get(change.after.id);
    if (span) span.end = change;
    open.delete(change.after.id);
    if (change.after.status !== 'offered') continue;
    const next = { offer: change, end: undefined };
    spans.push(next);
    open.set(change.after.id, next);
  }
  return spans;
}

/** The checks both races end with: nothing lost, nothing doubled, one holder, clear refusals. */
async function expectOneHolderEach(db: pg.Client, race: Race): Promise<LoggedChange[]> {
  const { rows: contacts } = await db.query<{ id: string; status: string; agent_id: string | null }>(
    'select id, status, agent_id from contacts',
  );
  const raceContacts = contacts.filter((c) => race.contactIds.includes(c.id));
  expect(raceContacts.map((c) => c.id).sort()).toEqual([...race.contactIds].sort());
  expect(raceContacts.filter((c) => c.status !== 'closed' || !c.agent_id)).toEqual([]);

  const { rows: applied } = await db.query<{ contact_id: string; n: number }>(
    `select result->'entity'->>'id' as contact_id, count(*)::int as n from applied_commands
     where type = $1 group by 1`,
    [COMMAND_TYPES.acceptContact],
  );
  expect(applied.filter((a) => a.n !== 1)).toEqual([]);
  expect(applied.length).toBe(race.contactIds.length);

  const log = await replayContactLog(db);
  expect(log.violations).toEqual([]);
  expect(race.contactIds.filter((id) => log.acceptsTakingEffect.get(id) !== 1)).toEqual([]);

  const byContact = new Map<string, Set<string>>();
  for (const { contactId, agentId, answer } of race.attempts) {
    if (!answer.ok) continue;
    byContact.set(contactId, new Set([...(byContact.get(contactId) ?? []), agentId]));
  }
  const finalHolder = new Map(raceContacts.map((c) => [c.id, c.agent_id]));
  const acceptedBy = [...byContact].map(([contactId, agents]) => [contactId, [...agents]] as const);
  expect(
    acceptedBy.filter(([id, agents]) => agents.length !== 1 || agents[0] !== finalHolder.get(id)),
  ).toEqual([]);

  const forOthers = race.attempts.filter((a) => a.offeredTo !== a.agentId);
  expect(forOthers.length).toBeGreaterThan(race.contactIds.length);
  expect(forOthers.filter(({ answer }) => answer.ok || !NOT_YOURS.test(answer.error.message))).toEqual([]);
  const refusals = race.attempts.flatMap(({ answer }) => (answer.ok ? [] : [answer.error]));
  expect(refusals.filter((e) => e.code !== 'conflict' || !CLEAR_REFUSAL.test(e.message))).toEqual([]);
  expect(race.problems).toEqual([]);
  return log.changes;
}

/**
 * The server has no setting for its Redis stream name (every node uses "agentdeck"), so a race
 * picks one of Redis's spare databases: two runs at once rarely share one (and when they do,
 * racers still answer only their own race's offers).
 */
function ownRedisDatabase(): string {
  const url = new URL(REDIS_TEST_URL);
  url.pathname = `/${randomInt(1, 16)}`;
  return url.toString();
}

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
