import { eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { lockContact } from '../../features/contacts/contacts.repository';
import type { CommandDefinition } from '../../features/sync/command-bus';
import { holdsContact } from '../../features/access/command-scopes';
import { addMessage } from '../../features/cases/case-records';
import { conversationOfContact } from './chat-conversations';

/**
 * `chat:send`: the agent holding a live chat writes a line. It is stored on the case (the
 * transcript is the case's messages) and, once committed, the web channel hands it to the
 * visitor (see web-channel.ts, which watches `message.added`).
 */
export const chatSendCommand: CommandDefinition<typeof COMMAND_TYPES.chatSend> = {
  who: ['agent'],
  scope: holdsContact((command) => command.payload.contactId, 'You are not on this chat'),
  async handle({ tx, actor, now }, command) {
    const { contactId, messageId, body } = command.payload;
    const contact = await lockContact(tx, contactId);
    if (!contact || contact.channel !== 'chat') {
      throw new AppError('forbidden', 'You are not on this chat');
    }
    if (contact.status !== 'active')
      throw new AppError('conflict', `The chat is ${contact.status.replace('_', '-')}`);
    const conversation = await conversationOfContact(tx, contactId);
    if (!conversation || conversation.endedAt)
      throw new AppError('conflict', 'The visitor has left this chat');
    const [existing] = await tx.select({ id: messages.id }).from(messages).where(eq(messages.id, messageId));
    if (existing) throw new AppError('conflict', `A message ${messageId} already exists`);
    const { message, event } = await addMessage(
      tx,
      {
        id: messageId,
        caseId: conversation.caseId,
        contactId,
        direction: 'outbound',
        channel: 'chat',
        fromAddress: actor.username,
        fromName: actor.displayName,
        subject: '',
        bodyText: body,
        authorId: actor.id,
        at: now,
      },
      { queueId: contact.queueId, agentId: actor.id },
    );
    return { entity: message, events: [event] };
  },
};
