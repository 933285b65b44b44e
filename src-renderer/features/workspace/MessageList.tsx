import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src-shared/protocol/entities';

/** A case's messages as plain text (never HTML: message bodies come from outside). */
export function MessageList({ messages }: { messages: Message[] }) {
  const { t, i18n } = useTranslation();
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('case.noMessages')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {messages.map((m) => (
        <Paper key={m.id} withBorder p="xs" bg={m.direction === 'inbound' ? 'gray.0' : undefined}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {m.from}
            </Text>
            <Group gap={4}>
              <Badge size="xs" variant="outline">
                {t(`reports.channels.${m.channel}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {new Date(m.at).toLocaleString(i18n.language)}
              </Text>
            </Group>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {m.bodyText}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
