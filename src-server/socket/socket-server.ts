import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { HandshakeAuth } from '../../src-shared/protocol/auth';
import { fail, ok, type Ack } from '../../src-shared/protocol/envelope';
import { nulRefusal } from '../../src-shared/protocol/nul-text';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  SOCKET_EVENTS,
  SessionRenew,
  type SessionEnded,
} from '../../src-shared/protocol/socket-events';
import { SinceRequest } from '../../src-shared/protocol/sync';
import type { Db } from '../db/database';
import type { Config } from '../platform/config';
import { AppError, isDatabaseUnavailable } from '../platform/errors';
import type { RateLimits } from '../platform/rate-limits';
import type { Metrics } from '../platform/metrics';
import { isAllowedOrigin } from '../http/origins';
import { roomsOf, type Actor } from '../features/auth/actor';
import type { AuthService } from '../features/auth/auth.service';
import type { CommandBus, CommitEffects } from '../features/sync/command-bus';
import { catchUp } from '../features/sync/catch-up';
import { SNAPSHOT_SOURCES } from './snapshot-sources';
import { roomsFor, withoutAudience } from '../features/sync/event-log';
import { createSocketEventLimits } from './event-limits';

interface SocketData {
  actor: Actor;
  /** Epoch ms when the access token presented (at connect or renew) expires. */
  expiresAt: number;
}
/** What the server pushes to one console socket directly (events go through rooms). */
interface ConsolePushes {
  [SOCKET_EVENTS.sessionEnded]: (notice: SessionEnded) => void;
}
type ConsoleSocket = Socket<Record<string, never>, ConsolePushes, Record<string, never>, SocketData>;

export interface SocketDeps {
  config: Config;
  db: Db;
  auth: AuthService;
  limits: RateLimits;
  metrics: Metrics;
  log: FastifyBaseLogger;
  commandBus: () => CommandBus;
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

    /** The session ended while this socket was open (revoked on any node): tell it, then let it go. */
    const endRevoked = () => {
      socket.emit(SOCKET_EVENTS.sessionEnded, { reason: 'revoked' } satisfies SessionEnded);
      socket.disconnect(true);
    };

    const on = <S extends z.ZodType, R>(
      event: string,
      schema: S,
      handler: (actor: Actor, payload: z.infer<S>) => Promise<Ack<R>>,
      { acceptsExpiredToken = false } = {},
    ) => {
      socket.on(event, async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // every console event asks for an answer
        const reply = ack as (answer: Ack<unknown>) => void;
        try {
          const admission = await eventLimits.admit(socket.id, socket.data.actor.id);
          if (admission.kind === 'abusive') {
            log.warn({ userId: socket.data.actor.id, event }, 'a console socket kept flooding; disconnected');
            socket.disconnect(true);
            return;
          }
          if (admission.kind === 'refused') {
            return reply(
              fail('rate_limited', 'Too many events on this connection; slow down', {
                retryAfterMs: admission.retryAfterMs,
              }),
            );
          }
          if (!acceptsExpiredToken && Date.now() >= socket.data.expiresAt) {
            return reply(fail('unauthenticated', 'The sign-in token has expired; renew it'));
          }
          const nul = nulRefusal(payload, ''); // PostgreSQL stores no NUL: refused, naming the field
          if (nul) return reply(nul);
          const parsed = schema.safeParse(payload);
          if (!parsed.success)
            return reply(fail('invalid', `The ${event} payload is not valid`, parsed.error.issues));
          // Every event, not only the handshake: a session revoked elsewhere acts no more.
          if (!(await auth.isStillSignedIn(socket.data.actor))) {
            reply(fail('unauthenticated', 'The session has ended; sign in again'));
            return endRevoked();
          }
          reply(await handler(socket.data.actor, parsed.data));
        } catch (err) {
          if (err instanceof AppError) return reply({ ok: false, error: err.toApiError() });
          if (isDatabaseUnavailable(err)) {
            return reply(fail('unavailable', 'The database is unavailable; try again shortly'));
          }
          log.error({ err, event }, 'socket event failed');
          reply(fail('internal', 'Something went wrong on the server'));
        }
      });
    };

    let isCatchingUp = false;
    // One catch-up at a time per socket: each holds a page in memory until it is sent.
    on(SOCKET_EVENTS.syncSince, SinceRequest, async (actor, request) => {
      if (isCatchingUp)
        throw new AppError('rate_limited', 'A catch-up is already running on this connection');
      isCatchingUp = true;
      try {
        return ok(await catchUp(deps.db, actor, request, SNAPSHOT_SOURCES));
      } finally {
        isCatchingUp = false;
      }
    });
    // The command bus parses the command itself (the schema depends on its type).
    on(SOCKET_EVENTS.command, z.unknown(), async (actor, command) => deps.commandBus().run(actor, command));
    // Renewal is the way out of an expired token, so it alone accepts one; the new token is verified in full.
    on(
      SOCKET_EVENTS.sessionRenew,
      SessionRenew,
      async (actor, { token }) => {
        const renewed = await auth.authenticate(token);
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
    );
  });
  return io;
}
