// The supervisor board as a console keeps it, without the browser: the snapshot and the events a
// real socket.io client receives, applied as the console's sync repository applies them (a row is
// replaced only by a newer version), and the board's figures from the shared formulas.
import { io, type Socket } from 'socket.io-client';
import { agentFigures, queueFigures } from '../../../src-shared/domain/supervision/board';
import { floorOf } from '../../../src-shared/domain/supervision/floor-of';
import type { BoardToday } from '../../../src-shared/protocol/board-today';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../../src-shared/protocol/sync';
import { request } from '../support/test-server';
import { call } from './supervision-fixtures';

const OPEN: readonly Contact['status'][] = ['queued', 'offered', 'active', 'wrap_up'];

/** What the board shows at `now`: each queue's figures and each agent's line. */
export function boardFigures(agents: Agent[], queues: Queue[], contacts: Contact[], now: number) {
  const open = contacts.filter((c) => OPEN.includes(c.status));
  const floor = floorOf(agents, queues, open, now);
  const byId = <T extends { queueId?: string; id?: string }>(rows: T[], key: (r: T) => string) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    queues: byId(queueFigures(floor), (q) => q.queueId),
    agents: byId(
      floor.agents.map((agent) => ({ id: agent.id, ...agentFigures(agent, now) })),
      (a) => a.id,
    ),
  };
}

export class BoardCache {
  readonly agents = new Map<string, Agent>();
  readonly queues = new Map<string, Queue>();
  readonly contacts = new Map<string, Contact>();
  lastSyncId = 0;
  /** The last `board:today` pushed to this console. */
  today: BoardToday | null = null;
  socket: Socket | null = null;
  /** Whether the last catch-up started over from a snapshot rather than from the events missed. */
  startedOver = false;

  /** Connects (or reconnects) like the console: listen first, then catch up from the last position. */
  async connect(url: string, token: string): Promise<void> {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.socket = socket;
    // A pushed event shows at once but does not move the position: like the console's sync engine,
    // only the ordered catch-up proves nothing before it was skipped.
    socket.on(SOCKET_EVENTS.syncEvent, (event: SyncEvent) => this.apply(event));
    socket.on(SOCKET_EVENTS.boardToday, (today: BoardToday) => (this.today = today));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
      socket.connect();
    });
    this.startedOver = false;
    for (let more = true; more;) {
      const page = await request<SinceResponse>(socket, SOCKET_EVENTS.syncSince, {
        lastSyncId: this.lastSyncId,
      });
      if (!page.ok) throw new Error(`sync:since refused: ${page.error.message}`);
      if (page.data.snapshot) {
        this.startedOver = true;
        const { agents, queues, contacts } = page.data.snapshot;
        this.agents.clear();
        this.queues.clear();
        this.contacts.clear();
        agents.forEach((a) => this.agents.set(a.id, a));
        queues.forEach((q) => this.queues.set(q.id, q));
        contacts.forEach((c) => this.contacts.set(c.id, c));
      }
      page.data.events.forEach((event) => this.apply(event));
      this.lastSyncId = page.data.lastSyncId;
      more = page.data.hasMore;
    }
  }

  apply(event: SyncEvent): void {
    if (event.type === 'contact.changed') putNewer(this.contacts, event.payload);
    else if (event.type === 'agent.state-changed' || event.type === 'agent.updated')
      putNewer(this.agents, event.payload);
    else if (event.type === 'queue.updated') putNewer(this.queues, event.payload);
  }

  /** Kills the socket: what happens next is missed until `connect` catches up. */
  drop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  figures(now: number) {
    return boardFigures(
      [...this.agents.values()],
      [...this.queues.values()],
      [...this.contacts.values()],
      now,
    );
  }
}

function putNewer<T extends { id: string; version: number }>(rows: Map<string, T>, row: T): void {
  const known = rows.get(row.id);
  if (!known || known.version < row.version) rows.set(row.id, row);
}

/** The same board from the HTTP API: agents, queues and every open contact. */
export async function boardFromApi(url: string, token: string, now: number) {
  const agents = await call<{ agents: Agent[] }>(url, token, 'GET', '/api/v1/agents');
  const queues = await call<{ queues: Queue[] }>(url, token, 'GET', '/api/v1/queues');
  const contacts: Contact[] = [];
  for (const status of OPEN) {
    const page = await call<{ contacts: Contact[] }>(
      url,
      token,
      'GET',
      `/api/v1/contacts?status=${status}&limit=1000`,
    );
    contacts.push(...page.body.contacts);
  }
  return boardFigures(agents.body.agents, queues.body.queues, contacts, now);
}
