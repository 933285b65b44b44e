import type { Server } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import { seesEverything, type Actor } from '../features/auth/actor';
import type { BoardToday } from '../../src-shared/protocol/board-today';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { logBackgroundFailure } from '../platform/background-failure';

export interface BoardTodayPush {
  /** Something changed (a commit, a console came or went): the figures go out again soon. */
  changed(): void;
  /** Consoles connected now per user, on every node. */
  devicesOf(): Promise<Map<string, number>>;
  stop(): void;
}

const BOARD_ROOMS = ['role:supervisor', 'role:admin'];
/** The Redis streams adapter forgets a silent node after its heartbeat timeout (10 s by default). */
const NODE_FORGOTTEN_MS = 12_000;

/**
 * Pushes the board's figures for today to supervisors and admins: to each of their sockets as it
 * connects (so a reconnect catches up), and to all of them after changes, at most once per
 * `settleMs` (a burst of commits is one recomputation).
 */
export function pushBoardToday(
  io: Server,
  read: () => Promise<BoardToday>,
  log: FastifyBaseLogger,
  settleMs = 500,
): BoardTodayPush {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isStopped = false;
  const report = (err: unknown) => logBackgroundFailure(log, err, 'board figures not pushed');

  /**
   * The sockets on every node. A node that died is still asked until its heartbeat times out, and
   * the question times out with it: then this node's own sockets answer, and the figures go out
   * again once the dead node is forgotten, so the board shows the whole floor again.
   */
  async function socketsEverywhere(rooms?: string[]) {
    try {
      return await (rooms ? io.in(rooms) : io).fetchSockets();
    } catch (err) {
      log.warn({ err }, 'a server node did not answer; the board counts this node’s consoles for now');
      setTimeout(() => push.changed(), NODE_FORGOTTEN_MS).unref();
      return (rooms ? io.local.in(rooms) : io.local).fetchSockets();
    }
  }

  async function broadcast(): Promise<void> {
    timer = undefined;
    if ((await socketsEverywhere(BOARD_ROOMS)).length === 0) return;
    const figures = await read();
    if (!isStopped) io.to(BOARD_ROOMS).emit(SOCKET_EVENTS.boardToday, figures);
  }

  const push: BoardTodayPush = {
    changed() {
      if (isStopped || timer) return;
      timer = setTimeout(() => void broadcast().catch(report), settleMs);
    },
    async devicesOf() {
      const counts = new Map<string, number>();
      for (const socket of await socketsEverywhere()) {
        const { actor } = socket.data as { actor?: Actor };
        if (actor) counts.set(actor.id, (counts.get(actor.id) ?? 0) + 1);
      }
      return counts;
    },
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };

  io.on('connection', (socket) => {
    const { actor } = socket.data as { actor: Actor };
    if (seesEverything(actor)) {
      read()
        .then((figures) => socket.emit(SOCKET_EVENTS.boardToday, figures))
        .catch(report);
    }
    // An agent's devices are on the board.
    if (actor.roles.includes('agent')) {
      push.changed();
      socket.on('disconnect', () => push.changed());
    }
  });
  return push;
}
