import type { Namespace, Server } from 'socket.io';
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import type { Actor } from '../../features/auth/actor';
import { fail, ok, type Ack } from '../../../src-shared/protocol/envelope';
import { nulRefusal } from '../../../src-shared/protocol/nul-text';
import { AgentChatTyping, CHAT_EVENTS, type ChatTyping } from '../../../src-shared/protocol/web-channel';
import type { ChannelContext } from '../channels';
import { visitorRoom } from './visitor-namespace';

/**
 * `chat:typing` on the console socket: the agent holding an active chat tells its visitor they
 * are typing. Not a command (nothing is stored); authorised per event like one.
 */
export function installAgentChatTyping(io: Server, visitors: Namespace, ctx: ChannelContext): void {
  io.on('connection', (socket) => {
    socket.on(CHAT_EVENTS.typing, async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (answer: Ack<null>) => void) : () => undefined;
      const actor = (socket.data as { actor?: Actor } | undefined)?.actor;
      if (!actor) return reply(fail('unauthenticated', 'Sign in first'));
      const nul = nulRefusal(payload, '');
      if (nul) return reply(nul);
      const parsed = AgentChatTyping.safeParse(payload);
      if (!parsed.success)
        return reply(fail('invalid', 'The chat:typing payload is not valid', parsed.error.issues));
      try {
        const [held] = await ctx.db
          .select({ id: contacts.id })
          .from(contacts)
          .where(
            and(
              eq(contacts.id, parsed.data.contactId),
              eq(contacts.agentId, actor.id),
              eq(contacts.status, 'active'),
              eq(contacts.channel, 'chat'),
            ),
          )
          .limit(1);
        if (!held) return reply(fail('forbidden', 'You are not on this chat'));
        visitors
          .to(visitorRoom(held.id))
          .emit(CHAT_EVENTS.typing, { typing: parsed.data.typing } satisfies ChatTyping);
        reply(ok(null));
      } catch (err) {
        ctx.log.error({ err }, 'chat:typing failed');
        reply(fail('internal', 'Something went wrong on the server'));
      }
    });
  });
}
