import type { Namespace } from 'socket.io';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { CHAT_EVENTS, type VisitorChatLine } from '../../../src-shared/protocol/web-channel';
import type { StoredEvent } from '../../features/sync/event-log';
import type { ChannelContext, ChannelModule } from '../channels';
import { agentChatTypingEvent } from './agent-chat-typing';
import { registerWebFormRoute } from './web-form.route';
import { registerWidgetFiles } from './widget-files';
import { installVisitorNamespace, visitorRoom } from './visitor-namespace';

/** Contact states after which the visitor is no longer in a conversation. */
const OVER = new Set(['wrap_up', 'closed', 'abandoned']);

/** The web channel: the contact form, live chat for website visitors, and the demo widget page. */
export function createWebChannel(ctx: ChannelContext): ChannelModule {
  let visitors: Namespace | null = null;
  return {
    name: 'web',
    register(http) {
      registerWebFormRoute(http, ctx);
      registerWidgetFiles(http);
    },
    installSockets(io) {
      visitors = installVisitorNamespace(io, ctx);
    },
    consoleEvents: [agentChatTypingEvent(() => visitors, ctx)],
    observe(events) {
      if (visitors) for (const event of events) toVisitor(visitors, event);
    },
  };
}

/** What a committed event means for a visitor: an agent's line to show, or the end of the chat. */
function toVisitor(visitors: Namespace, event: StoredEvent): void {
  if (event.type === EVENT_TYPES.messageAdded) {
    const message = event.payload;
    if (message.channel !== 'chat' || message.direction !== 'outbound' || !message.contactId) return;
    visitors.to(visitorRoom(message.contactId)).emit(CHAT_EVENTS.message, {
      id: message.id,
      from: 'agent',
      name: message.fromName,
      body: message.bodyText,
      at: message.at,
    } satisfies VisitorChatLine);
  } else if (event.type === EVENT_TYPES.contactChanged) {
    const contact = event.payload;
    if (contact.channel === 'chat' && OVER.has(contact.status)) {
      visitors.to(visitorRoom(contact.id)).emit(CHAT_EVENTS.ended, {});
    }
  }
}
