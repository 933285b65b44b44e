import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src-shared/protocol/entities';
import { useOutboxProblems } from '../../data/outbox-hooks';
import { outboundMessageIdOf } from '../../data/optimistic-rows';
import { MessageItem } from './MessageItem';

/** A case's messages as a thread, oldest first: what the customer wrote and what was answered. */
export function MessageList({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const problems = useOutboxProblems();
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('case.noMessages')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="message-thread">
      {messages.map((m) => (
        <MessageItem key={m.id} message={m} problem={problems.find((p) => outboundMessageIdOf(p) === m.id)} />
      ))}
    </Stack>
  );
}
