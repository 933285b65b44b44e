import type { Message } from '../../src-shared/protocol/entities';
import { db } from './db';
import { newId } from './new-id';
import { enqueue } from './outbox-repository';

/** What differs between one optimistic outbound message and another (channel, addressing, text). */
export type OutboundDraft = Pick<
  Message,
  'id' | 'caseId' | 'contactId' | 'channel' | 'to' | 'subject' | 'bodyText'
>;

/**
 * Writes an optimistic outbound message (shown "Queued" until the server's message.added replaces
 * it) and the outbox entry of the command that sends it, in one transaction: nothing typed is lost
 * if the link blinks.
 */
export async function saveOutboundMessage(
  author: { displayName: string },
  draft: OutboundDraft,
  command: { type: string; payload: unknown },
  now: number,
): Promise<Message> {
  const message: Message = {
    ...draft,
    direction: 'outbound',
    from: '',
    fromName: author.displayName,
    bodyHtml: null,
    attachments: [],
    delivery: 'queued',
    at: new Date(now).toISOString(),
  };
  await db.transaction('rw', [db.messages, db.outbox], async () => {
    await db.messages.add(message);
    await enqueue({ commandId: newId(), ...command }, now);
  });
  return message;
}
