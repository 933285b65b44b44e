import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { formatDuration } from '../../ui/format-duration';
import { ChannelIcon } from './ChannelIcon';
import { waitingWhy } from './waiting-why';

export const WAITING_ROW_HEIGHT = 56;

/** The columns of the waiting list, shared by its header and its rows. */
export const WAITING_COLUMNS = '32px minmax(0, 2fr) 72px 72px minmax(0, 2fr)';

/** One waiting contact: channel, who and what, priority, how long it has waited, why it waits. */
export function WaitingRow({
  contact,
  queueName,
  now,
}: {
  contact: Contact;
  queueName?: string;
  now: number;
}) {
  const { t } = useTranslation();
  const why = waitingWhy(contact, now, t);
  return (
    <div
      data-testid="waiting-row"
      data-contact={contact.id}
      style={{
        display: 'grid',
        gridTemplateColumns: WAITING_COLUMNS,
        gap: 'var(--mantine-spacing-sm)',
        alignItems: 'center',
        height: WAITING_ROW_HEIGHT,
        padding: '0 var(--mantine-spacing-xs)',
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <ChannelIcon channel={contact.channel} size="sm" />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} truncate>
          {contact.from}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {[contact.subject || t('work.noSubject'), queueName].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <Group justify="flex-end">
        <Badge
          variant="light"
          color="gray"
          size="sm"
          tt="none"
          aria-label={t('work.priority', { priority: Math.round(contact.priority) })}
        >
          {Math.round(contact.priority)}
        </Badge>
      </Group>
      <Text size="sm" ff="monospace" ta="right" data-testid="waiting-time">
        {formatDuration(now - Date.parse(contact.queuedAt))}
      </Text>
      <Text size="xs" c="dimmed" truncate title={why} data-testid="waiting-why">
        {why || t('work.noReasons')}
      </Text>
    </div>
  );
}
