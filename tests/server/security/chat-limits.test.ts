import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Ack } from '../../../src-shared/protocol/envelope';
import type { ChatStarted } from '../../../src-shared/protocol/web-channel';
import { connectRedisAdapter } from '../../../src-server/platform/redis-adapter';
import { openQueuesToWeb } from '../channels/web-support';
import { REDIS_TEST_URL, createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { request, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';

const hasPg = await hasPostgres();
const kinds: DatabaseKind[] = ['embedded', ...(hasPg ? (['postgres'] as const) : [])];
const LINES_PER_CONVERSATION = 10;
const LINES_PER_ADDRESS = 25;

const opened: Socket[] = [];

/** A visitor's socket on /visitor; `auth` to join a conversation started elsewhere. */
function visit(server: TestServer, auth: Record<string, unknown> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(`${server.url}/visitor`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'https://shop.example' },
    });
    opened.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

async function startChat(server: TestServer): Promise<ChatStarted> {
  const visitor = await visit(server);
  const started = await request<ChatStarted>(visitor, 'chat:start', {
    name: 'Pat Visitor',
    email: `pat-${randomUUID().slice(0, 8)}@example.org`,
    message: 'Hello',
  });
  if (!started.ok) throw new Error(`chat:start refused: ${started.error.message}`);
  return started.data;
}

/** Sends `count` lines on each socket, all at once; resolves to every answer. */
async function sendLines(sockets: Socket[], count: number): Promise<Ack<unknown>[]> {
  const sends = sockets.flatMap((socket, s) =>
    Array.from({ length: count }, (_, i) => request(socket, 'chat:message', { body: `line ${s}.${i}` })),
  );
  return Promise.all(sends);
}

const accepted = (answers: Ack<unknown>[]) => answers.filter((a) => a.ok).length;
const refusedWithRetryAfter = (answers: Ack<unknown>[]) =>
  answers.filter(
    (a) =>
      !a.ok &&
      a.error.code === 'rate_limited' &&
      typeof (a.error.details as { retryAfterMs?: unknown }).retryAfterMs === 'number',
  ).length;

async function chatServer(kind: DatabaseKind, env: Record<string, string>, extra = {}) {
  const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
  const server = await startTestServer({ kind, databaseUrl: pg?.url, env, ...extra });
  await openQueuesToWeb(server.database.db);
  return { server, drop: pg?.drop };
}

afterAll(() => {
  for (const socket of opened) socket.disconnect();
});

/** Issue 13, finding 7 (chat limit): lines are counted per conversation and per address, not per socket. */
describe.each(kinds)('visitor chat limits on %s', (kind) => {
  const closers: (() => Promise<void>)[] = [];
  let perConversation: TestServer;
  let perAddress: TestServer;

  beforeAll(async () => {
    const one = await chatServer(kind, {
      AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION),
      AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: '1000',
    });
    const two = await chatServer(kind, {
      AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION),
      AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: String(LINES_PER_ADDRESS),
    });
    perConversation = one.server;
    perAddress = two.server;
    for (const { server, drop } of [one, two]) {
      closers.push(async () => {
        await server.close();
        await drop?.();
      });
    }
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('ten sockets on one conversation share its budget of lines', async () => {
    const { conversationId, token } = await startChat(perConversation);
    const sockets = await Promise.all(
      Array.from({ length: 10 }, () => visit(perConversation, { conversationId, token })),
    );
    const answers = await sendLines(sockets, 20);
    expect(accepted(answers)).toBe(LINES_PER_CONVERSATION);
    expect(refusedWithRetryAfter(answers)).toBe(200 - LINES_PER_CONVERSATION);
  });

  it('conversations from one address share its budget of lines', async () => {
    const sockets: Socket[] = [];
    for (let i = 0; i < 5; i++) {
      const { conversationId, token } = await startChat(perAddress);
      sockets.push(await visit(perAddress, { conversationId, token }));
    }
    // 5 × 8 lines: each conversation within its 10, the address over its 25.
    const answers = await sendLines(sockets, 8);
    expect(accepted(answers)).toBe(LINES_PER_ADDRESS);
    expect(refusedWithRetryAfter(answers)).toBe(40 - LINES_PER_ADDRESS);
  });
});

describe.runIf(hasPg && (await hasRedis()))('visitor chat limits on two nodes sharing Redis', () => {
  const closers: (() => Promise<void>)[] = [];
  let nodeA: TestServer, nodeB: TestServer;

  beforeAll(async () => {
    const database = await createTestDatabase();
    closers.push(database.drop);
    const streamName = `agentdeck-test-${randomUUID()}`;
    const start = async (seed: boolean) => {
      const redis = await connectRedisAdapter(REDIS_TEST_URL, { streamName });
      const node = await startTestServer({
        kind: 'postgres',
        databaseUrl: database.url,
        seed,
        env: { AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION) },
        configureSockets: redis.install,
        sharedLimitStore: redis.limitStore,
      });
      closers.unshift(async () => {
        await node.close();
        await redis.close();
      });
      return node;
    };
    nodeA = await start(true);
    nodeB = await start(false);
    await openQueuesToWeb(nodeA.database.db);
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('one conversation written from both nodes gets one budget, not one per node', async () => {
    const { conversationId, token } = await startChat(nodeA);
    const sockets = await Promise.all([
      ...Array.from({ length: 3 }, () => visit(nodeA, { conversationId, token })),
      ...Array.from({ length: 3 }, () => visit(nodeB, { conversationId, token })),
    ]);
    const answers = await sendLines(sockets, 8);
    expect(accepted(answers)).toBe(LINES_PER_CONVERSATION);
  });
});
