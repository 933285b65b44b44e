import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../src-shared/domain/outbox';
import type { Message } from '../../../src-shared/protocol/entities';
import { AttachmentList } from './AttachmentList';
import { DeliveryBadge } from './DeliveryBadge';
import { RefusedChange } from './RefusedChange';
import { SandboxedHtml } from './SandboxedHtml';

/**
 * One message of a case's thread. Everything in it came from outside or goes outside: text is
 * shown as text, HTML only in a sandboxed frame. `problem`: the server refused this reply.
 */
export function MessageItem({
  message: m,
  problem,
}: {
  message: Message;
  problem?: OutboxEntry | undefined;
}) {
  const { t, i18n } = useTranslation();
  const isInbound = m.direction === 'inbound';
  const sender = m.fromName && m.from ? `${m.fromName} <${m.from}>` : m.fromName || m.from;
  return (
    <Paper
      withBorder
      p="xs"
      bg={isInbound ? 'gray.0' : 'blue.0'}
      ml={isInbound ? 0 : 'xl'}
      mr={isInbound ? 'xl' : 0}
      data-testid="message"
      data-direction={m.direction}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500} truncate style={{ minWidth: 0 }}>
          {sender}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {new Date(m.at).toLocaleString(i18n.language)}
        </Text>
      </Group>
      <Group gap={4} mt={2}>
        <Badge size="xs" variant="light" color={isInbound ? 'gray' : 'blue'}>
          {t(`message.directions.${m.direction}`)}
        </Badge>
        <Badge size="xs" variant="outline">
          {t(`reports.channels.${m.channel}`)}
        </Badge>
        {!isInbound && m.delivery && !problem && <DeliveryBadge delivery={m.delivery} />}
      </Group>
      {!isInbound && m.to.length > 0 && (
        <Text size="xs" c="dimmed" mt={2} truncate>
          {t('message.to', { to: m.to.join(', ') })}
        </Text>
      )}
      {m.subject && (
        <Text size="xs" c="dimmed" mt={2} data-testid="message-subject">
          {m.subject}
        </Text>
      )}
      <div style={{ marginTop: 6 }}>
        {m.bodyHtml ? (
          <SandboxedHtml html={m.bodyHtml} />
        ) : (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="message-text"
          >
            {m.bodyText}
          </Text>
        )}
      </div>
      <AttachmentList files={m.attachments} />
      {problem?.problem && (
        <RefusedChange
          message={t('message.notSent', { reason: problem.problem.message })}
          commandId={problem.commandId}
        />
      )}
    </Paper>
  );
}
