import type { Namespace } from 'socket.io';
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import { fail, ok } from '../../../src-shared/protocol/envelope';
import { AgentChatTyping, CHAT_EVENTS, type ChatTyping } from '../../../src-shared/protocol/web-channel';
import { consoleEvent, type ConsoleEvent } from '../../socket/console-events';
import type { ChannelContext } from '../channels';
import { visitorRoom } from './visitor-namespace';

/**
 * `chat:typing` on the console socket: the agent holding an active chat tells its visitor they
 * are typing. Not a command (nothing is stored); it goes through the console's gate like every
 * console event (budgets, token expiry, session, role), then only the chat's holder is heard.
 */
export function agentChatTypingEvent(visitors: () => Namespace | null, ctx: ChannelContext): ConsoleEvent {
  return consoleEvent(
    CHAT_EVENTS.typing,
    AgentChatTyping,
    async ({ actor }, { contactId, typing }) => {
      const [held] = await ctx.db
        .select({ id: contacts.id })
        .from(contacts)
        .where(
          and(
            eq(contacts.id, contactId),
            eq(contacts.agentId, actor.id),
            eq(contacts.status, 'active'),
            eq(contacts.channel, 'chat'),
          ),
        )
        .limit(1);
      if (!held) return fail('forbidden', 'You are not on this chat');
      visitors()
        ?.to(visitorRoom(held.id))
        .emit(CHAT_EVENTS.typing, { typing } satisfies ChatTyping);
      return ok(null);
    },
    { who: ['agent'] },
  );
}
