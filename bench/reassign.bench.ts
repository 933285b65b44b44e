import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { agentStates } from '../src-server/db/schema';
import type { Contact } from '../src-shared/protocol/contacts';
import type { Ack } from '../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SyncEvent } from '../src-shared/protocol/sync';
import { ORG } from '../tests/fixtures/minimal-org';
import { runCommand } from '../tests/server/support/contact-commands';
import { startTestServer, type DatabaseKind } from '../tests/server/support/test-server';
import { percentile, progress, type BenchRow } from './harness';
import { addAvailableAgents, JWT_SECRET, startConsoles } from './routing.bench';

export interface ReassignOptions {
  /** Agent consoles connected besides the two the contact moves between. */
  agents: number;
  moves: number;
  floorP50: number;
  databaseUrl?: string;
}

/** A fresh contact every so many moves, well inside its offer timeout (email: 60 s). */
const MOVES_PER_CONTACT = 10;

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Milliseconds from `start` until `socket` is pushed a change of the contact that `holds`. */
function seen(socket: Socket, start: number, holds: (contact: Contact) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: SyncEvent) => {
      if (event.type !== 'contact.changed' || !holds(event.payload)) return;
      socket.off(SOCKET_EVENTS.syncEvent, listener);
      resolve(performance.now() - start);
    };
    socket.on(SOCKET_EVENTS.syncEvent, listener);
  });
}

async function mustRun(socket: Socket, type: string, payload: unknown): Promise<void> {
  const ack = (await runCommand(socket, type, payload)) as Ack<unknown>;
  if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
}

/**
 * Reassignment propagation (issue 14): a supervisor moves a held email from one agent to another;
 * from the command until both agents' sockets have the change (the one who lost it and the one
 * offered it), with `agents` more consoles of the same team and queue connected on a worker
 * thread (as on their own machines). Everyone is Away, so routing hands nothing out and the
 * moves are forced (Away is overridable): only the supervisor moves work.
 */
export async function reassignPropagation(kind: DatabaseKind, options: ReassignOptions): Promise<BenchRow[]> {
  const server = await startTestServer({
    kind,
    databaseUrl: options.databaseUrl,
    env: { AGENTDECK_JWT_SECRET: JWT_SECRET },
  });
  let consoles: Worker | undefined;
  try {
    const everyone = await addAvailableAgents(server, options.agents + 2, {
      phone: 1,
      email: 5,
      web: 5,
      chat: 3,
      callback: 1,
    });
    await server.database.db.update(agentStates).set({ state: 'away', reasonCode: 'break' });
    const [first, second, ...others] = everyone;
    if (!first || !second) throw new Error('two agents to move work between');
    const failures: string[] = [];
    consoles = await startConsoles(
      { url: server.url, agents: others },
      `reassign: connecting ${others.length} agents (${kind})`,
      () => undefined,
      (message) => failures.push(message),
    );
    const sofia = await server.connect('sofia');
    const pair = [
      { id: first.id, socket: await connect(server.url, first.token) },
      { id: second.id, socket: await connect(server.url, second.token) },
    ] as const;

    const acks: number[] = [];
    const both: number[] = [];
    let contactId = '';
    let holder = 0;
    const bar = progress(`reassign: agent → agent with ${options.agents} agents (${kind})`, options.moves);
    for (let i = 0; i < options.moves; i++) {
      if (i % MOVES_PER_CONTACT === 0) {
        contactId = randomUUID();
        await mustRun(sofia, 'contact:create', {
          contactId,
          channel: 'email',
          queueId: ORG.queues.en,
          from: 'bench@example.com',
          subject: 'Bench email',
        });
        const given = seen(pair[0].socket, 0, (c) => c.id === contactId && c.agentId === pair[0].id);
        await mustRun(sofia, 'contact:reassign', { contactId, agentId: pair[0].id, force: true });
        await given;
        holder = 0;
      }
      const from = pair[holder]!;
      const to = pair[1 - holder]!;
      const start = performance.now();
      const lost = seen(from.socket, start, (c) => c.id === contactId && c.agentId === to.id);
      const offered = seen(
        to.socket,
        start,
        (c) => c.id === contactId && c.agentId === to.id && c.status === 'offered',
      );
      await mustRun(sofia, 'contact:reassign', {
        contactId,
        agentId: to.id,
        expectedAgentId: from.id,
        force: true,
        reason: 'bench',
      });
      acks.push(performance.now() - start);
      both.push(Math.max(...(await Promise.all([lost, offered]))));
      holder = 1 - holder;
      bar.tick();
    }
    bar.done();
    const failed = failures.length > 0 ? `; ${failures.length} console failures (${failures[0]})` : '';
    const row = (metric: string, values: number[]): BenchRow => ({
      bench: `reassign (${kind})`,
      metric,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      ratio: percentile(values, 50) / options.floorP50,
      extra: `${options.moves} moves one at a time, ${options.agents + 2} agent consoles connected${failed}`,
    });
    return [row('supervisor command → ack', acks), row("supervisor command → both agents' sockets", both)];
  } finally {
    await consoles?.terminate();
    await server.close();
  }
}
