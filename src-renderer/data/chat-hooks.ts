import { useLiveQuery } from 'dexie-react-hooks';
import type { Message } from '../../src-shared/protocol/entities';
import { db } from './db';

/** The chat's transcript, oldest first: the case's chat lines of this contact. */
export function useChatTranscript(chat: { contactId: string; caseId: string }): Message[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.messages.where('caseId').equals(chat.caseId).sortBy('at')).filter(
        (m) => m.channel === 'chat' && m.contactId === chat.contactId,
      ),
    [chat.caseId, chat.contactId],
  );
}
