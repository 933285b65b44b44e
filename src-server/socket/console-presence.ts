import type { Server } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';
import type { Actor } from '../features/auth/actor';
import { agentsInRouting, clearPresenceDeadline, setPresenceDeadline } from '../routing/presence.repository';

const FETCH_ATTEMPTS = 4;
const FETCH_RETRY_MS = 1_000;

export interface ConsolePresenceDeps {
  db: Db;
  log: FastifyBaseLogger;
  graceSeconds: number;
}

export interface ConsolePresence {
  /** At start: agents in routing with no console on any node (their node died) get a grace period. */
  checkAll(): void;
  /** Waits for presence writes under way (before the database closes). */
  settled(): Promise<void>;
}

/**
 * Honest presence (docs/ROUTING.md): when an agent's last console socket goes away — on every
 * node, as the adapter sees them — a grace period starts as a row; a console back within it
 * deletes the row, else the deadline sweep takes the agent out of routing.
 */
export function trackConsolePresence(io: Server, deps: ConsolePresenceDeps): ConsolePresence {
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const running = work.catch((err: unknown) => deps.log.error({ err }, 'console presence not recorded'));
    pending.add(running);
    void running.finally(() => pending.delete(running));
  };
  /**
   * Asks every node. A node that does not answer in time (busy, or dead and not yet forgotten by
   * the adapter's heartbeat) fails the question; it is asked again, so one slow answer does not
   * leave a closed console in routing with no grace period.
   */
  const hasConsole = async (userId: string): Promise<boolean> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await io.in(`user:${userId}`).fetchSockets()).length > 0;
      } catch (err) {
        if (attempt >= FETCH_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, FETCH_RETRY_MS * attempt));
      }
    }
  };

  /**
   * No console anywhere: the grace period starts. Looked at again after the write, so a console
   * that connected meanwhile (a reload: its own clear may have run first) is not left in grace.
   */
  async function startGraceIfGone(userId: string): Promise<void> {
    if (await hasConsole(userId)) return;
    await setPresenceDeadline(deps.db, userId, new Date(Date.now() + deps.graceSeconds * 1000));
    if (await hasConsole(userId)) await clearPresenceDeadline(deps.db, userId);
  }

  io.on('connection', (socket) => {
    const { actor } = socket.data as { actor: Actor };
    if (!actor.roles.includes('agent')) return;
    track(clearPresenceDeadline(deps.db, actor.id));
    socket.on('disconnect', () => track(startGraceIfGone(actor.id)));
  });

  return {
    checkAll() {
      track(
        (async () => {
          for (const userId of await agentsInRouting(deps.db)) await startGraceIfGone(userId);
        })(),
      );
    },
    async settled() {
      await Promise.allSettled([...pending]);
    },
  };
}
