import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { agentStates, users } from '../src-server/db/schema';
import { hashPassword } from '../src-server/platform/password';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SinceResponse } from '../src-shared/protocol/sync';
import type { Ack } from '../src-shared/protocol/envelope';
import { LoginResponse } from '../src-shared/protocol/auth';
import { ORG } from '../tests/fixtures/minimal-org';
import { startTestServer, type DatabaseKind, type TestServer } from '../tests/server/support/test-server';
import { percentile, pool, progress, time, type BenchRow } from './harness';

const PASSWORD = 'bench-password';

async function addAgents(server: TestServer, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const names = Array.from({ length: count }, (_, i) => `bench${String(i).padStart(3, '0')}`);
  await server.database.db.insert(users).values(
    names.map((username) => ({
      id: `usr_${username}`,
      username,
      displayName: username,
      passwordHash,
      roles: ['agent'],
      teamId: ORG.teams.en,
      languages: ['en'],
    })),
  );
  await server.database.db.insert(agentStates).values(names.map((n) => ({ userId: `usr_${n}` })));
  return names;
}

/** Fills the log with note events the bench agents may see, so catch-up has pages to read. */
async function fillLog(server: TestServer, notes: number): Promise<void> {
  const ana = await server.connect('ana');
  const bar = progress('filling the event log', notes);
  for (let i = 0; i < notes; i++) {
    const answer = (await ana.emitWithAck(SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'case:add-note',
      payload: {
        caseId: ORG.cases.en,
        noteId: randomUUID(),
        body: `bench note ${i}`,
        visibility: 'internal',
      },
    })) as Ack<unknown>;
    if (!answer.ok) throw new Error(answer.error.message);
    bar.tick();
  }
  bar.done();
  ana.disconnect();
}

interface ClientTimes {
  login: number;
  connect: number;
  catchUp: number;
  total: number;
  events: number;
}

async function oneConsole(url: string, username: string, sockets: Socket[]): Promise<ClientTimes> {
  const started = performance.now();
  const [session, login] = await time(async () => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return LoginResponse.parse(await res.json());
  });
  const [socket, connectMs] = await time(
    () =>
      new Promise<Socket>((resolve, reject) => {
        const s = connect(url, {
          auth: { token: session.token },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      }),
  );
  sockets.push(socket);
  // A console that was offline since the log's first event: snapshot first, then every page after position 1.
  const [events, catchUp] = await time(async () => {
    let cursor = 1;
    let count = 0;
    for (let more = true; more;) {
      const answer = (await socket.emitWithAck(SOCKET_EVENTS.syncSince, {
        lastSyncId: cursor,
      })) as Ack<SinceResponse>;
      if (!answer.ok) throw new Error(answer.error.message);
      count += answer.data.events.length;
      cursor = answer.data.lastSyncId;
      more = answer.data.hasMore;
    }
    return count;
  });
  return { login, connect: connectMs, catchUp, total: performance.now() - started, events };
}

/** Sign-in + socket connect + catch-up for many consoles at once, against the real server. */
export async function consoleSessions(
  kind: DatabaseKind,
  options: {
    clients: number;
    concurrency: number;
    logEvents: number;
    floorP50: number;
    databaseUrl?: string;
  },
): Promise<BenchRow[]> {
  const server = await startTestServer({
    kind,
    databaseUrl: options.databaseUrl,
    env: { AGENTDECK_LOGIN_RATE_LIMIT: '100000' },
  });
  const sockets: Socket[] = [];
  try {
    const names = await addAgents(server, options.clients);
    await fillLog(server, options.logEvents);
    const bar = progress(`${options.clients} consoles sign in + catch up (${kind})`, names.length);
    const [results, wall] = await time(() =>
      pool(names, options.concurrency, async (name) => {
        const r = await oneConsole(server.url, name, sockets);
        bar.tick();
        return r;
      }),
    );
    bar.done();
    const events = results[0]?.events ?? 0;
    const row = (metric: string, values: number[], extra?: string): BenchRow => ({
      bench: `consoles (${kind})`,
      metric,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      ratio: percentile(values, 50) / options.floorP50,
      extra,
    });
    return [
      row(
        'sign-in (HTTP, scrypt)',
        results.map((r) => r.login),
      ),
      row(
        'socket connect (token checked)',
        results.map((r) => r.connect),
      ),
      row(
        `catch-up of ${events} events`,
        results.map((r) => r.catchUp),
      ),
      row(
        'whole console start',
        results.map((r) => r.total),
        `${options.clients} clients, ${options.concurrency} at a time, all done in ${(wall / 1000).toFixed(1)} s`,
      ),
    ];
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
}
