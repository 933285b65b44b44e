import { replySubject } from '../../src-shared/domain/email-threading';
import { COMMAND_TYPES, ReplyPayload } from '../../src-shared/protocol/commands';
import type { CaseSummary, Message } from '../../src-shared/protocol/entities';
import { newId } from './new-id';
import { saveOutboundMessage } from './outbound-message';

export interface ReplyDraft {
  kase: Pick<CaseSummary, 'id' | 'number' | 'subject'>;
  /** Who the console expects it to reach (shown until the server says); the server picks the address. */
  expectedTo: string;
  body: string;
}

/**
 * Saves an email reply on this computer at once: an optimistic outbound message (shown
 * "Queued") and its outbox entry in one transaction. The server's message.added events then
 * replace the row, with its delivery moving to sent or failed.
 * Throws (a ZodError) when the draft is not a valid reply, writing nothing.
 */
export async function saveReply(
  author: { id: string; displayName: string },
  draft: ReplyDraft,
  now = Date.now(),
): Promise<Message> {
  const messageId = newId();
  const payload = ReplyPayload.parse({ caseId: draft.kase.id, messageId, body: draft.body });
  return saveOutboundMessage(
    author,
    {
      id: messageId,
      caseId: payload.caseId,
      contactId: null,
      channel: 'email',
      to: [draft.expectedTo],
      subject: replySubject(draft.kase.subject, draft.kase.number),
      bodyText: payload.body,
    },
    { type: COMMAND_TYPES.reply, payload },
    now,
  );
}
