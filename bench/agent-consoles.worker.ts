// Consoles for the routing bench, on their own thread as they would be on their own machines:
// their socket parsing does not run on the server's thread. Each connects; an agent's console
// reports each offer to it when it arrives and frees the agent (accept, end, wrap up); a
// supervisor's console (`watch`) reports every offer it sees and answers none.
import { parentPort, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SyncEvent } from '../src-shared/protocol/sync';
import { runCommand } from '../tests/server/support/contact-commands';
import { pool } from './harness';

export interface AgentConsolesInput {
  url: string;
  agents: { id: string; token: string }[];
  /** Report every offer seen and answer none (a supervisor's console); default: answer own offers. */
  watch?: boolean;
}

/** Worker → bench messages. `at` is wall-clock milliseconds (timeOrigin + now), comparable across threads. */
export type AgentConsolesMessage =
  | { kind: 'connected'; count: number }
  | { kind: 'offer'; contactId: string; at: number }
  | { kind: 'failure'; message: string };

const port = parentPort;
if (!port) throw new Error('run as a worker thread');
const input = workerData as AgentConsolesInput;
const post = (message: AgentConsolesMessage) => port.postMessage(message);

async function mustRun(socket: Socket, type: string, payload: unknown): Promise<void> {
  const ack = (await runCommand(socket, type, payload)) as Ack<unknown>;
  if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
}

function connect(token: string): Promise<Socket> {
  const socket = io(input.url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

let connected = 0;
await pool(input.agents, 20, async (agent) => {
  const socket = await connect(agent.token);
  const seen = new Set<string>();
  socket.on(SOCKET_EVENTS.syncEvent, (event: SyncEvent) => {
    if (event.type !== 'contact.changed') return;
    const contact = event.payload;
    const isMine = input.watch === true || contact.agentId === agent.id;
    if (contact.status !== 'offered' || !isMine || seen.has(contact.id)) return;
    seen.add(contact.id);
    post({ kind: 'offer', contactId: contact.id, at: performance.timeOrigin + performance.now() });
    if (input.watch) return;
    void (async () => {
      await mustRun(socket, 'contact:accept', { contactId: contact.id });
      await mustRun(socket, 'contact:end', { contactId: contact.id });
      await mustRun(socket, 'contact:complete-wrap-up', { contactId: contact.id });
    })().catch((err: unknown) => post({ kind: 'failure', message: String(err) }));
  });
  post({ kind: 'connected', count: ++connected });
});
