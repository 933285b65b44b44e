import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { HandshakeAuth } from '../../src-shared/protocol/auth';
import { ok } from '../../src-shared/protocol/envelope';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  SOCKET_EVENTS,
  SessionRenew,
  type SessionEnded,
} from '../../src-shared/protocol/socket-events';
import { SinceRequest } from '../../src-shared/protocol/sync';
import type { Db } from '../db/database';
import type { Config } from '../platform/config';
import { AppError } from '../platform/errors';
import type { RateLimits } from '../platform/rate-limits';
import type { Metrics } from '../platform/metrics';
import { isAllowedOrigin } from '../http/origins';
import { roomsOf } from '../features/auth/actor';
import type { AuthService } from '../features/auth/auth.service';
import type { CommandBus, CommitEffects } from '../features/sync/command-bus';
import { catchUp } from '../features/sync/catch-up';
import { SNAPSHOT_SOURCES } from './snapshot-sources';
import { roomsFor, withoutAudience } from '../features/sync/event-log';
import { createSocketEventLimits } from './event-limits';
import { consoleEvent, consoleGate, type ConsoleEvent, type ConsoleSocket } from './console-events';
import { serveSocketEvents } from './socket-events';

export interface SocketDeps {
  config: Config;
  db: Db;
  auth: AuthService;
  limits: RateLimits;
  metrics: Metrics;
  log: FastifyBaseLogger;
  commandBus: () => CommandBus;
  /** The console events channels add (e.g. an agent typing in a chat), read at each connection. */
  channelEvents: () => readonly ConsoleEvent[];
}

/** The effects a committed command has on live sockets, on this node and (via the adapter) every other. */
export function socketEffects(io: Server): Omit<CommitEffects, 'kickRouting'> {
  return {
    publish(events) {
      for (const event of events) {
        const rooms = roomsFor(event.audience);
        if (rooms.length > 0) io.to(rooms).emit(SOCKET_EVENTS.syncEvent, withoutAudience(event));
      }
    },
    endSessions(room, reason) {
      io.to(room).emit(SOCKET_EVENTS.sessionEnded, { reason } satisfies SessionEnded);
      // Same connection, so the notice above arrives before the disconnect packet.
      io.in(room).disconnectSockets(false);
    },
  };
}

export function createSocketServer(httpServer: HttpServer, deps: SocketDeps): Server {
  const { config, auth, metrics, log } = deps;
  const eventLimits = createSocketEventLimits(deps.limits, {
    perSocket: { points: config.socketEventRateLimit, durationS: 1 },
    perUser: { points: config.userEventRateLimit, durationS: 1 },
  });
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Visitors of the chat widget connect from customers' websites, so the engine takes any origin
    // (no credentials: sockets authenticate with handshake tokens, never cookies). The console
    // namespace checks its origins below; /visitor has its own rules (channels/web).
    cors: { origin: true, credentials: false },
  });

  io.use(async (socket, next) => {
    if (!isAllowedOrigin(socket.handshake.headers.origin, config)) return next(new Error('forbidden origin'));
    const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthenticated'));
    try {
      const actor = await auth.authenticate(parsed.data.token);
      socket.data = { actor, expiresAt: actor.expiresAt };
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  });

  io.on('connection', (raw) => {
    const socket = raw as ConsoleSocket;
    metrics.socketConnections.inc();
    socket.on('disconnect', () => metrics.socketConnections.dec());
    void socket.join(roomsOf(socket.data.actor));
    serveSocketEvents(
      socket,
      [...spineEvents(socket, deps), ...deps.channelEvents()],
      consoleGate(socket, { auth, eventLimits, log }),
      { log, requiresAck: true },
    );
  });
  return io;
}

/** The console's own events: catch-up, commands, and renewing the session's token. */
function spineEvents(socket: ConsoleSocket, deps: SocketDeps): ConsoleEvent[] {
  let isCatchingUp = false;
  return [
    // One catch-up at a time per socket: each holds a page in memory until it is sent.
    consoleEvent(SOCKET_EVENTS.syncSince, SinceRequest, async ({ actor }, request) => {
      if (isCatchingUp)
        throw new AppError('rate_limited', 'A catch-up is already running on this connection');
      isCatchingUp = true;
      try {
        return ok(await catchUp(deps.db, actor, request, SNAPSHOT_SOURCES));
      } finally {
        isCatchingUp = false;
      }
    }),
    // The command bus parses the command itself (the schema depends on its type) and authorises it.
    consoleEvent(SOCKET_EVENTS.command, z.unknown(), async ({ actor }, command) =>
      deps.commandBus().run(actor, command),
    ),
    // The new token is verified in full; it must belong to this very session.
    consoleEvent(
      SOCKET_EVENTS.sessionRenew,
      SessionRenew,
      async ({ actor }, { token }) => {
        const renewed = await deps.auth.authenticate(token);
        if (renewed.id !== actor.id || renewed.sessionId !== actor.sessionId) {
          throw new AppError('forbidden', 'That token belongs to another session');
        }
        const before = new Set(roomsOf(actor));
        const after = new Set(roomsOf(renewed));
        for (const room of before) if (!after.has(room)) void socket.leave(room);
        void socket.join([...after]);
        socket.data = { actor: renewed, expiresAt: renewed.expiresAt };
        return ok({ expiresAt: renewed.expiresAt });
      },
      { acceptsExpiredToken: true },
    ),
  ];
}
