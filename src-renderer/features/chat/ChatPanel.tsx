import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { useChatTranscript } from '../../data/chat-hooks';
import { useVisitorTyping } from '../../sync/chat-typing';
import { loadCase } from '../../sync/remote-reads';
import { useRefresh } from '../workspace/use-refresh';
import { ChatComposer } from './ChatComposer';
import { ChatTranscript } from './ChatTranscript';

/**
 * A live web chat the agent holds: transcript (the case's chat lines), typing hint, message box.
 * Once the visitor has left (the conversation has an end while the agent still holds it), the
 * box gives way to a notice: nobody would read another line.
 */
export function ChatPanel({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const caseId = contact.caseId ?? '';
  const lines = useChatTranscript({ contactId: contact.id, caseId });
  const isTyping = useVisitorTyping(contact.id);
  // The lines said before this console held the chat (or before a reload) come with the case.
  useRefresh(contact.caseId, loadCase);
  if (!contact.caseId) return null;
  const visitorLeft = contact.status === 'active' && contact.endedAt !== null;
  return (
    <Stack gap="xs" role="region" aria-label={t('chat.title')} data-testid="chat-panel">
      <ChatTranscript lines={lines ?? []} visitorName={contact.from} />
      <Text size="xs" c="dimmed" fs="italic" aria-live="polite" mih={18} data-testid="visitor-typing">
        {isTyping ? t('chat.visitorTyping') : ''}
      </Text>
      {visitorLeft ? (
        <Alert color="gray" variant="light" role="status" data-testid="visitor-left">
          {t('chat.visitorLeft')}
        </Alert>
      ) : (
        <ChatComposer contactId={contact.id} caseId={contact.caseId} />
      )}
    </Stack>
  );
}
