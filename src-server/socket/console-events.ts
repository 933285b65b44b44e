import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Role } from '../../src-shared/protocol/auth';
import { fail, type Ack } from '../../src-shared/protocol/envelope';
import { SOCKET_EVENTS, type SessionEnded } from '../../src-shared/protocol/socket-events';
import { hasRole, type Actor } from '../features/auth/actor';
import type { AuthService } from '../features/auth/auth.service';
import { admissionVerdict, type SocketEventLimits } from './event-limits';
import { defineSocketEvent, pass, type SocketEvent, type SocketGate } from './socket-events';

export interface ConsoleSocketData {
  actor: Actor;
  /** Epoch ms when the access token presented (at connect or renew) expires. */
  expiresAt: number;
}
/** What the server pushes to one console socket directly (events go through rooms). */
interface ConsolePushes {
  [SOCKET_EVENTS.sessionEnded]: (notice: SessionEnded) => void;
}
export type ConsoleSocket = Socket<
  Record<string, never>,
  ConsolePushes,
  Record<string, never>,
  ConsoleSocketData
>;

/** What a console event runs with: the person, checked for this very event, and their socket. */
export interface ConsoleContext {
  actor: Actor;
  socket: ConsoleSocket;
}

/** Who may send a console event, declared with the event and checked by the gate. */
export interface ConsoleRules {
  /** One of these roles; any signed-in person when absent. */
  who?: readonly Role[];
  /** Renewal is the way out of an expired token, so it alone accepts one. */
  acceptsExpiredToken?: boolean;
}

export type ConsoleEvent = SocketEvent<ConsoleContext, ConsoleRules>;

/** A console event (on `/`): channels add theirs through their `ChannelModule.consoleEvents`. */
export function consoleEvent<S extends z.ZodType, R>(
  name: string,
  schema: S,
  handle: (ctx: ConsoleContext, payload: z.output<S>) => Promise<Ack<R>>,
  rules: ConsoleRules = {},
): ConsoleEvent {
  return defineSocketEvent(name, schema, rules, handle);
}

/**
 * The console's checks on every event: the socket's and the user's budgets, the token's expiry,
 * then — once the payload parsed — the session (revoked on any node, the socket is told and
 * ended) and the roles the event declares.
 */
export function consoleGate(
  socket: ConsoleSocket,
  deps: {
    auth: AuthService;
    eventLimits: SocketEventLimits;
    log: { warn(obj: object, msg?: string): void };
  },
): SocketGate<ConsoleContext, ConsoleRules> {
  /** The session ended while this socket was open (revoked on any node): tell it, then let it go. */
  const endRevoked = () => {
    socket.emit(SOCKET_EVENTS.sessionEnded, { reason: 'revoked' } satisfies SessionEnded);
    socket.disconnect(true);
  };
  return {
    async admit(rules, event) {
      const { actor, expiresAt } = socket.data;
      const admitted = admissionVerdict(await deps.eventLimits.admit(socket.id, actor.id), () => {
        deps.log.warn({ userId: actor.id, event }, 'a console socket kept flooding; disconnected');
        socket.disconnect(true);
      });
      if (admitted.kind !== 'pass') return admitted;
      if (!rules.acceptsExpiredToken && Date.now() >= expiresAt) {
        return { kind: 'refuse', answer: fail('unauthenticated', 'The sign-in token has expired; renew it') };
      }
      return pass(null);
    },
    async authorise(rules) {
      const { actor } = socket.data;
      // Every event, not only the handshake: a session revoked elsewhere acts no more.
      if (!(await deps.auth.isStillSignedIn(actor))) {
        return {
          kind: 'refuse',
          answer: fail('unauthenticated', 'The session has ended; sign in again'),
          afterAnswer: endRevoked,
        };
      }
      if (rules.who && !hasRole(actor, ...rules.who)) {
        return { kind: 'refuse', answer: fail('forbidden', `This needs the ${rules.who.join(' or ')} role`) };
      }
      return pass({ actor, socket });
    },
  };
}
