import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { formatDuration } from '../../ui/format-duration';
import { ChannelIcon } from '../work/ChannelIcon';
import { IntakeWhy } from '../work/IntakeWhy';
import { waitingWhy } from '../work/waiting-why';

export type ContactAction = 'reassign' | 'jump';

interface ContactLineProps {
  contact: Contact;
  now: number;
  holderName?: string | undefined;
  onAction: (contact: Contact, action: ContactAction) => void;
}

/** One contact in a drill-down: channel, who and what, its status and age, and what may be done. */
export function ContactLine({ contact, now, holderName, onAction }: ContactLineProps) {
  const { t } = useTranslation();
  const since = contact.status === 'queued' ? contact.queuedAt : (contact.answeredAt ?? contact.queuedAt);
  const status = t(`board.statuses.${contact.status as 'queued' | 'offered' | 'active' | 'wrap_up'}`);
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-contact={contact.id} h="100%">
      <Group gap="xs" wrap="nowrap" miw={0}>
        <ChannelIcon channel={contact.channel} size="sm" />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {contact.from} — {contact.subject}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {t('board.heldFor', { status, duration: formatDuration(now - Date.parse(since)) })}
            {holderName ? ` · ${holderName}` : ''}
            {contact.status === 'queued' && contact.reasons.length > 0 && (
              <span data-testid="waiting-why"> · {waitingWhy(contact, now, t)}</span>
            )}
          </Text>
          <IntakeWhy contact={contact} />
        </div>
      </Group>
      <Group gap={4} wrap="nowrap">
        {contact.status === 'queued' && (
          <Button size="compact-xs" variant="light" onClick={() => onAction(contact, 'jump')}>
            {t('board.jumpAhead')}
          </Button>
        )}
        {contact.status !== 'wrap_up' && (
          <Button size="compact-xs" onClick={() => onAction(contact, 'reassign')}>
            {t('board.reassign')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
