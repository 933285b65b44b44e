import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { startNodes, type Nodes } from '../support/server-test';
import { hasPostgres, hasRedis } from '../support/services';
import type { TestServer } from '../support/test-server';

const LOGINS = 4;
const FORMS = 4;
const USER_EVENTS = 30;

/** Issue 13, finding 7: with REDIS_URL every node counts against one budget, not one each. */
describe.runIf((await hasPostgres()) && (await hasRedis()))('rate limits shared by two nodes', () => {
  let deployment: Nodes | undefined;
  let nodes: TestServer[];

  beforeAll(async () => {
    deployment = await startNodes(2, {
      env: {
        AGENTDECK_LOGIN_RATE_LIMIT: String(LOGINS),
        AGENTDECK_WEB_FORM_RATE_LIMIT: String(FORMS),
        AGENTDECK_SOCKET_EVENT_RATE_LIMIT: '1000',
        AGENTDECK_USER_EVENT_RATE_LIMIT: String(USER_EVENTS),
      },
      sharedLimits: true,
    });
    nodes = deployment.nodes;
  });
  afterAll(() => deployment?.close());

  /** `count` requests, alternating between the nodes; their statuses in order. */
  const alternate = async (count: number, send: (node: TestServer) => Promise<Response>) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await send(nodes[i % 2]!)).status);
    return statuses;
  };

  it('sign-in attempts', async () => {
    const statuses = await alternate(LOGINS + 2, (node) =>
      fetch(`${node.url}${API_ROUTES.login}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ben', password: 'wrong' }),
      }),
    );
    expect(statuses).toEqual([...Array<number>(LOGINS).fill(401), 429, 429]);
  });

  it('web form posts', async () => {
    const limited = await alternate(FORMS + 2, (node) =>
      fetch(`${node.url}/api/v1/channels/web/forms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(limited).toEqual([...Array<number>(FORMS).fill(400), 429, 429]);
  });

  it("one user's console events over sockets on both nodes", async () => {
    const token = (await nodes[0]!.login('eva')).token;
    const sockets = await Promise.all(
      nodes.map(
        (node) =>
          new Promise<ReturnType<typeof connectSocket>>((resolve, reject) => {
            const socket = connectSocket(node.url, {
              auth: { token },
              transports: ['websocket'],
              forceNew: true,
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    // 2 × 20 invalid catch-ups at once: each node alone would take all 40 (budget 30 per user).
    const answers = await Promise.all(
      sockets.flatMap((socket) =>
        Array.from(
          { length: 20 },
          () => socket.emitWithAck(SOCKET_EVENTS.syncSince, { lastSyncId: -1 }) as Promise<Ack<unknown>>,
        ),
      ),
    );
    for (const socket of sockets) socket.disconnect();
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(10);
  });
});
