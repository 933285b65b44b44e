import type { Server } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import { seesEverything, type Actor } from '../features/auth/actor';
import type { BoardToday } from '../../src-shared/protocol/board-today';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';

export interface BoardTodayPush {
  /** Something changed (a commit, a console came or went): the figures go out again soon. */
  changed(): void;
  /** Consoles connected now per user, on every node. */
  devicesOf(): Promise<Map<string, number>>;
  stop(): void;
}

const BOARD_ROOMS = ['role:supervisor', 'role:admin'];

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
  const report = (err: unknown) => log.error({ err }, 'board figures not pushed');

  async function broadcast(): Promise<void> {
    timer = undefined;
    if ((await io.in(BOARD_ROOMS).fetchSockets()).length === 0) return;
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
      for (const socket of await io.fetchSockets()) {
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
