import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ChannelIcon } from './ChannelIcon';

/**
 * Channel, who, what about, and for which customer in which queue; a button that opens the
 * customer in the Screen pop when `onOpen` is given.
 */
export function ContactHeadline({
  contact,
  queueName,
  customerName,
  onOpen,
}: {
  contact: Contact;
  queueName?: string;
  customerName?: string;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const context = [customerName, queueName].filter(Boolean).join(' · ');
  const body = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ChannelIcon channel={contact.channel} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text fw={600} size="sm" truncate data-testid="contact-from">
          {contact.from}
        </Text>
        <Text size="sm" truncate data-testid="contact-subject">
          {contact.subject || t('work.noSubject')}
        </Text>
        {context && (
          <Text size="xs" c="dimmed" truncate data-testid="contact-context">
            {context}
          </Text>
        )}
      </div>
    </Group>
  );
  if (!onOpen) return body;
  return (
    <UnstyledButton onClick={onOpen} aria-label={t('work.openCustomer', { from: contact.from })} w="100%">
      {body}
    </UnstyledButton>
  );
}
