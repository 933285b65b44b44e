import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import type { Message } from '../../src-shared/protocol/entities';
import { ChatSendPayload } from '../../src-shared/protocol/web-channel';
import { newId } from './new-id';
import { saveOutboundMessage } from './outbound-message';

/**
 * Saves a chat line on this computer at once: the optimistic line (marked queued until the
 * server's message.added replaces it) and its outbox entry in one transaction, so nothing typed
 * is lost if the link blinks. Throws (a ZodError) when the line is not valid, writing nothing.
 */
export async function saveChatLine(
  author: { id: string; displayName: string },
  chat: { contactId: string; caseId: string },
  body: string,
  now = Date.now(),
): Promise<Message> {
  const messageId = newId();
  const payload = ChatSendPayload.parse({ contactId: chat.contactId, messageId, body });
  return saveOutboundMessage(
    author,
    {
      id: messageId,
      caseId: chat.caseId,
      contactId: chat.contactId,
      channel: 'chat',
      to: [],
      subject: '',
      bodyText: payload.body,
    },
    { type: COMMAND_TYPES.chatSend, payload },
    now,
  );
}
