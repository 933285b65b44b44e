import type { Namespace, Server } from 'socket.io';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import { ok } from '../../../src-shared/protocol/envelope';
import {
  CHAT_EVENTS,
  ChatLine,
  ChatStart,
  ChatTyping,
  VISITOR_NAMESPACE,
  VisitorAuth,
  type VisitorTyping,
} from '../../../src-shared/protocol/web-channel';
import { AppError } from '../../platform/errors';
import type { ChannelContext } from '../channels';
import {
  authorizeVisitor,
  leaveChat,
  receiveVisitorLine,
  startChat,
  visitorBack,
  visitorGone,
  visitorTranscript,
} from './chat-conversations';
import { createVisitorLimits } from './visitor-limits';
import { createSocketEventLimits } from '../../socket/event-limits';
import { serveSocketEvents } from '../../socket/socket-events';
import { visitorEvent, visitorGate, type VisitorEvent, type VisitorSocket } from './visitor-events';

export const visitorRoom = (contactId: string) => `visitor:${contactId}`;

/**
 * The `/visitor` namespace: people on customers' websites, from any origin, without accounts.
 * A socket starts one conversation or presents `{conversationId, token}` for one it started,
 * and only ever joins that conversation's room (never a staff room: staff sockets live on `/`).
 */
export function installVisitorNamespace(io: Server, ctx: ChannelContext): Namespace {
  const nsp = io.of(VISITOR_NAMESPACE);
  const limits = createVisitorLimits(ctx.limits, ctx.config);
  const eventLimits = createSocketEventLimits(ctx.limits, {
    perSocket: { points: ctx.config.socketEventRateLimit, durationS: 1 },
  });

  nsp.use(async (raw, next) => {
    const socket = raw as VisitorSocket;
    socket.data = { conversation: null };
    const auth: unknown = socket.handshake.auth;
    const isReturning = typeof auth === 'object' && auth !== null && Object.keys(auth).length > 0;
    if (!isReturning) return next();
    const parsed = VisitorAuth.safeParse(auth);
    if (!parsed.success) return next(new Error('forbidden'));
    try {
      const row = await authorizeVisitor(ctx, parsed.data.conversationId, parsed.data.token);
      if (!row) return next(new Error('forbidden'));
      socket.data = { conversation: { id: row.id, contactId: row.contactId } };
      next();
    } catch (err) {
      ctx.log.error({ err }, 'visitor handshake failed');
      next(new Error('unavailable'));
    }
  });

  /** The visitor's last tab (on any node) went away: a waiting chat gets its grace period. */
  async function startGraceIfLast(conversation: { id: string; contactId: string }): Promise<void> {
    try {
      const remaining = await nsp.in(visitorRoom(conversation.contactId)).fetchSockets();
      if (remaining.length === 0) await visitorGone(ctx, conversation.id);
    } catch (err) {
      ctx.log.error({ err }, 'visitor departure not recorded');
    }
  }

  nsp.on('connection', (raw) => {
    const socket = raw as VisitorSocket;
    socket.on('disconnect', () => {
      const current = socket.data.conversation;
      if (current) void startGraceIfLast(current);
    });
    const conversation = socket.data.conversation;
    if (conversation) {
      void socket.join(visitorRoom(conversation.contactId));
      visitorBack(ctx, conversation.contactId).catch((err: unknown) =>
        ctx.log.error({ err }, 'visitor return not recorded'),
      );
      visitorTranscript(ctx, conversation).then(
        ({ lines: history, isOver }) => {
          socket.emit(CHAT_EVENTS.history, history);
          if (isOver) socket.emit(CHAT_EVENTS.ended, {});
        },
        (err: unknown) => ctx.log.error({ err }, 'visitor transcript failed'),
      );
    }

    const mine = () => {
      if (!socket.data.conversation) throw new AppError('forbidden', 'Start a chat first');
      return socket.data.conversation;
    };

    const events: VisitorEvent[] = [
      visitorEvent(CHAT_EVENTS.start, ChatStart, async (start) => {
        if (socket.data.conversation) throw new AppError('conflict', 'This chat has started already');
        const verdict = await limits.mayStart(socket.handshake.address);
        if (!verdict.isAllowed) {
          throw new AppError('rate_limited', 'Too many chats; wait a minute', {
            retryAfterMs: verdict.retryAfterMs,
          });
        }
        const started = await startChat(ctx, start);
        socket.data.conversation = { id: started.conversationId, contactId: started.contactId };
        await socket.join(visitorRoom(started.contactId));
        return ok({ conversationId: started.conversationId, token: started.token });
      }),

      visitorEvent(CHAT_EVENTS.message, ChatLine, async ({ body }) => {
        const current = mine();
        const verdict = await limits.mayWrite(current.id, socket.handshake.address);
        if (!verdict.isAllowed) {
          throw new AppError('rate_limited', 'Slow down a little', { retryAfterMs: verdict.retryAfterMs });
        }
        const line = await receiveVisitorLine(ctx, current.id, body);
        socket.to(visitorRoom(current.contactId)).emit(CHAT_EVENTS.message, line); // the visitor's other tabs
        return ok(line);
      }),

      visitorEvent(CHAT_EVENTS.typing, ChatTyping, async ({ typing: isTyping }) => {
        const current = mine();
        // Typing is a hint: extra ones are dropped quietly.
        if (!(await limits.mayType(current.id)).isAllowed) return ok(null);
        const agentId = await holderOf(ctx, current.contactId);
        if (agentId) {
          io.to(`user:${agentId}`).emit(CHAT_EVENTS.typing, {
            contactId: current.contactId,
            typing: isTyping,
          } satisfies VisitorTyping);
        }
        return ok(null);
      }),

      visitorEvent(CHAT_EVENTS.leave, z.object({}), async () => {
        const current = mine();
        await leaveChat(ctx, current.id);
        nsp.to(visitorRoom(current.contactId)).emit(CHAT_EVENTS.ended, {});
        return ok(null);
      }),
    ];
    serveSocketEvents(socket, events, visitorGate(socket, eventLimits, ctx.log), {
      log: ctx.log,
      requiresAck: false,
    });
  });
  return nsp;
}

/** The agent on the chat now, if someone has taken it. */
async function holderOf(ctx: ChannelContext, contactId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ agentId: contacts.agentId })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.status, 'active')))
    .limit(1);
  return row?.agentId ?? null;
}
