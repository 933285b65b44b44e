import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Ack } from '../../../src-shared/protocol/envelope';
import type { ChatStarted } from '../../../src-shared/protocol/web-channel';
import { openQueuesToWeb } from '../channels/web-support';
import { KINDS, serverForSuite, startNodes, type Nodes } from '../support/server-test';
import { hasRedis } from '../support/services';
import { request, type TestServer } from '../support/test-server';
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

afterAll(() => {
  for (const socket of opened) socket.disconnect();
});

/** Issue 13, finding 7 (chat limit): lines are counted per conversation and per address, not per socket. */
describe.each(KINDS)('visitor chat limits on %s', (kind) => {
  const perConversation = serverForSuite(kind, {
    env: {
      AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION),
      AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: '1000',
    },
  });
  const perAddress = serverForSuite(kind, {
    env: {
      AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION),
      AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: String(LINES_PER_ADDRESS),
    },
  });

  beforeAll(async () => {
    await openQueuesToWeb(perConversation.database.db);
    await openQueuesToWeb(perAddress.database.db);
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

const onTwoNodes = KINDS.includes('postgres') && (await hasRedis());
describe.runIf(onTwoNodes)('visitor chat limits on two nodes sharing Redis', () => {
  let deployment: Nodes | undefined;
  let nodeA: TestServer, nodeB: TestServer;

  beforeAll(async () => {
    deployment = await startNodes(2, {
      env: { AGENTDECK_CHAT_LINE_RATE_LIMIT: String(LINES_PER_CONVERSATION) },
      sharedLimits: true,
    });
    nodeA = deployment.nodes[0]!;
    nodeB = deployment.nodes[1]!;
    await openQueuesToWeb(nodeA.database.db);
  });
  afterAll(() => deployment?.close());

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
