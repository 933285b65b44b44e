import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { agentStates, sessions, users } from '../src-server/db/schema';
import { loadActor } from '../src-server/features/auth/auth.repository';
import { hashPassword } from '../src-server/platform/password';
import { signAccessToken } from '../src-server/features/auth/tokens';
import type { Ack } from '../src-shared/protocol/envelope';
import type { ChannelCapacity } from '../src-shared/protocol/routing-config';
import { ORG } from '../tests/fixtures/minimal-org';
import { runCommand } from '../tests/server/support/contact-commands';
import { startTestServer, type DatabaseKind, type TestServer } from '../tests/server/support/test-server';
import type { AgentConsolesInput, AgentConsolesMessage } from './agent-consoles.worker';
import { percentile, progress, startTypeScriptWorker, type BenchRow } from './harness';

/** The bench signs its agents' tokens itself: 200 scrypt sign-ins would be the consoles bench again. */
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-42';

const startServer = (kind: DatabaseKind, databaseUrl: string | undefined) =>
  startTestServer({ kind, databaseUrl, env: { AGENTDECK_JWT_SECRET: JWT_SECRET } });

/** Agents of the Support EN team (so they serve `q_en`), Available since now, each with a session. */
export async function addAvailableAgents(
  server: TestServer,
  count: number,
  capacity: ChannelCapacity,
): Promise<{ id: string; token: string }[]> {
  const passwordHash = await hashPassword(ORG.password);
  const ids = Array.from({ length: count }, (_, i) => `usr_route${String(i).padStart(4, '0')}`);
  const { db } = server.database;
  await db.insert(users).values(
    ids.map((id) => ({
      id,
      username: id.slice(4),
      displayName: id.slice(4),
      passwordHash,
      roles: ['agent'],
      teamId: ORG.teams.en,
      languages: ['en'],
      capacity,
    })),
  );
  await db.insert(agentStates).values(ids.map((userId) => ({ userId, state: 'available' })));
  const expiresAt = new Date(Date.now() + 86_400_000);
  const withSessions = ids.map((id) => ({ id, sessionId: randomUUID() }));
  await db
    .insert(sessions)
    .values(withSessions.map((a) => ({ id: a.sessionId, userId: a.id, refreshHash: 'bench', expiresAt })));
  const secret = new TextEncoder().encode(JWT_SECRET);
  return Promise.all(
    withSessions.map(async (a) => ({ id: a.id, token: await signAccessToken(secret, a.id, a.sessionId) })),
  );
}

async function mustRun(socket: Socket, type: string, payload: unknown): Promise<void> {
  const ack = (await runCommand(socket, type, payload)) as Ack<unknown>;
  if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
}

/** The actor a token stands for, to run commands through the bus without a socket hop. */
async function actorOf(server: TestServer, token: string) {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    sid: string;
  };
  const actor = await loadActor(server.database.db, claims.sub, claims.sid);
  if (!actor) throw new Error('no actor for the bench token');
  return actor;
}

/**
 * Consoles on a worker thread (as on their own machines); resolves once all are connected.
 * `onOffer` gets each reported offer with its wall-clock arrival time.
 */
export async function startConsoles(
  input: AgentConsolesInput,
  label: string,
  onOffer: (contactId: string, at: number) => void,
  onFailure: (message: string) => void,
): Promise<Worker> {
  const bar = progress(label, input.agents.length);
  const worker = startTypeScriptWorker(new URL('./agent-consoles.worker.ts', import.meta.url), input);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (message: AgentConsolesMessage) => {
        if (message.kind === 'connected') {
          bar.tick();
          if (message.count === input.agents.length) resolve();
        } else if (message.kind === 'failure') onFailure(message.message);
        else onOffer(message.contactId, message.at);
      });
    });
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  bar.done();
  return worker;
}

/** Milliseconds on a clock the consoles' thread shares (performance.now() is per thread). */
const wallClock = () => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends `perSecond × seconds` contacts, paced on a 50 ms clock; `send` gets the contact id and
 * resolves when the intake answered. Returns when every send has answered.
 */
async function paced(perSecond: number, seconds: number, send: (contactId: string) => Promise<void>) {
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond) + 1);
    for (; sent < due; sent++) pending.push(send(randomUUID()));
    await sleep(50 - ((performance.now() - started) % 50));
  }
  await Promise.all(pending);
}

export interface RoutingLatencyOptions {
  agents: number;
  perSecond: number;
  seconds: number;
  floorP50: number;
  databaseUrl?: string;
}

/**
 * Create → offer on the agent's socket: a supervisor logs phone calls by command at a steady
 * rate; 200 connected agents, all Available, accept, end and wrap up each offer at once, so
 * capacity never runs out. The agents' consoles run on a worker thread (as on their own
 * machines), so the server's thread does only the server's work.
 */
export async function routingLatency(
  kind: DatabaseKind,
  options: RoutingLatencyOptions,
): Promise<BenchRow[]> {
  const server = await startServer(kind, options.databaseUrl);
  let consoles: Worker | undefined;
  try {
    const agents = await addAvailableAgents(server, options.agents, {
      phone: 1,
      email: 5,
      web: 5,
      chat: 3,
      callback: 1,
    });
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const failures: string[] = [];
    consoles = await startConsoles(
      { url: server.url, agents },
      `routing: connecting ${options.agents} agents (${kind})`,
      (contactId, at) => {
        // Counted once: a contact offered again (after a timed-out Accept) is not a second sample.
        const sent = sentAt.get(contactId);
        sentAt.delete(contactId);
        if (sent !== undefined) latencies.push(at - sent);
      },
      (message) => failures.push(message),
    );
    const sofia = await server.connect('sofia');
    const create = async (contactId: string) => {
      sentAt.set(contactId, wallClock());
      await mustRun(sofia, 'contact:create', {
        contactId,
        channel: 'phone',
        queueId: ORG.queues.en,
        from: '+14155550134',
        subject: 'Bench call',
      }).catch((err: unknown) => failures.push(String(err)));
    };
    // Warm up (JIT, pools, prepared plans), then measure from zero.
    await paced(options.perSecond, 1, create);
    await sleep(1000);
    latencies.length = 0;
    failures.length = 0;
    sentAt.clear();

    const total = Math.round(options.perSecond * options.seconds);
    const routed = progress(`routing: ${options.perSecond} contacts/s → offers (${kind})`, total);
    let reported = 0;
    const ticker = setInterval(() => {
      routed.tick(latencies.length - reported);
      reported = latencies.length;
    }, 250);
    await paced(options.perSecond, options.seconds, create);
    const deadline = Date.now() + 10_000;
    while (latencies.length < total && Date.now() < deadline) await sleep(50);
    clearInterval(ticker);
    routed.done();
    // A loaded machine shows as late or missing offers and timed-out commands: reported, not thrown.
    const shortfall = latencies.length < total ? `; only ${latencies.length} offered within 10 s` : '';
    const failed = failures.length > 0 ? `; ${failures.length} commands failed (${failures[0]})` : '';
    return [
      {
        bench: `routing (${kind})`,
        metric: 'contact created → offer on the agent’s socket',
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        ratio: percentile(latencies, 50) / options.floorP50,
        extra: `${total} phone contacts at ${options.perSecond}/s, ${options.agents} agents connected (accept → end → wrap up)${shortfall}${failed}`,
      },
    ];
  } finally {
    await consoles?.terminate();
    await server.close();
  }
}

export interface RoutingThroughputOptions {
  agents: number;
  rates: number[];
  stepSeconds: number;
  floorP50: number;
  databaseUrl?: string;
}

interface Step {
  rate: number;
  created: number;
  offered: number;
  /** How long sending the step took: longer than planned when intake fell behind. */
  sendSeconds: number;
  p50: number;
  p99: number;
}

/** Every contact of the step offered, p99 create → offer within a second. */
const held = (step: Step) => step.offered === step.created && step.p99 <= 1000;

/**
 * The highest contact rate routing sustains: emails (capacity 20 per agent, so agents are not
 * the limit) created through the command bus at stepped rates; a supervisor's socket sees every
 * offer. A step passes when every contact was offered and p99 create → offer stayed ≤ 1 s.
 */
export async function routingThroughput(
  kind: DatabaseKind,
  options: RoutingThroughputOptions,
): Promise<BenchRow[]> {
  const server = await startServer(kind, options.databaseUrl);
  let watcher: Worker | undefined;
  try {
    await addAvailableAgents(server, options.agents, { phone: 0, email: 20, web: 0, chat: 0, callback: 0 });
    const { token } = await server.login('sofia');
    const sofiaActor = await actorOf(server, token);
    const sentAt = new Map<string, number>();
    let latencies: number[] = [];
    const failures: string[] = [];
    // The supervisor's console that sees every offer runs on its own thread, as the agents' do.
    watcher = await startConsoles(
      { url: server.url, agents: [{ id: sofiaActor.id, token }], watch: true },
      `routing: connecting a supervisor (${kind})`,
      (contactId, at) => {
        const sent = sentAt.get(contactId);
        if (sent === undefined) return;
        sentAt.delete(contactId);
        latencies.push(at - sent);
      },
      (message) => failures.push(message),
    );
    const create = async (contactId: string) => {
      sentAt.set(contactId, wallClock());
      const ack = await server.app.commands.run(sofiaActor, {
        commandId: randomUUID(),
        type: 'contact:create',
        payload: { contactId, channel: 'email', queueId: ORG.queues.en, from: 'jane.roe@acme.com' },
      });
      if (!ack.ok) throw new Error(`contact:create refused: ${ack.error.message}`);
    };

    /** One step at `rate`; afterwards every agent is freed again (not measured): offers are closed. */
    const runStep = async (rate: number, seconds: number, label: string): Promise<Step> => {
      latencies = [];
      sentAt.clear();
      const created = Math.round(rate * seconds);
      const bar = progress(`routing: ${label} (${kind})`, created);
      const ticker = setInterval(() => bar.tick(0), 500);
      const sendStart = performance.now();
      await paced(rate, seconds, create);
      const sendSeconds = (performance.now() - sendStart) / 1000;
      const deadline = Date.now() + 2_000;
      while (latencies.length < created && Date.now() < deadline) await sleep(20);
      clearInterval(ticker);
      bar.done();
      await server.app.routing.stop();
      await server.database.db.execute(sql`delete from timers`);
      await server.database.db.execute(
        sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
      );
      server.app.routing.start();
      return {
        rate,
        created,
        offered: latencies.length,
        sendSeconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    };
    // Warm up first (JIT, pools, prepared statements), as a server that has been running is.
    await runStep(options.rates[0] ?? 100, options.stepSeconds, 'warming up');
    const steps: Step[] = [];
    for (const rate of options.rates) {
      const step = await runStep(rate, options.stepSeconds, `${rate} contacts/s`);
      steps.push(step);
      if (!held(step)) break;
    }
    const kept = steps.filter(held);
    const best = kept.at(-1);
    const failed = steps.find((s) => !held(s));
    const limit = failed
      ? `at ${failed.rate}/s: sending took ${failed.sendSeconds.toFixed(1)} s, ${failed.offered}/${failed.created} offered within 2 s after, p99 ${Math.round(failed.p99)} ms`
      : `every step held (up to ${steps.at(-1)?.rate}/s): the step list, not routing, is the limit`;
    return [
      {
        bench: `routing (${kind})`,
        metric: `max sustained rate: ${best ? `${best.rate} contacts/s` : 'none'}`,
        p50: best?.p50 ?? Number.NaN,
        p99: best?.p99 ?? Number.NaN,
        ratio: best ? best.p50 / options.floorP50 : null,
        extra: `emails, ${options.agents} agents × capacity 20; ${options.stepSeconds} s steps ${steps.map((s) => `${s.rate}/s p99 ${Math.round(s.p99)} ms`).join(', ')}; limit ${limit}${failures.length > 0 ? `; the supervisor's console failed: ${failures[0]}` : ''}`,
      },
    ];
  } finally {
    await watcher?.terminate();
    await server.close();
  }
}
