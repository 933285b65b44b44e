import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { TimeInState } from '../../ui/TimeInState';
import { CallControls } from './CallControls';
import { ChatPanel } from '../chat/ChatPanel';
import { ContactHeadline } from './ContactHeadline';
import { openInPop } from './open-in-pop';
import { useContactCommand } from './use-contact-command';
import { useContactCustomer } from './use-contact-customer';

/** A contact I am on: handle time since I answered, and "End". */
export function ActiveCard({ contact, queueName }: { contact: Contact; queueName?: string }) {
  const { t } = useTranslation();
  const customer = useContactCustomer(contact.customerId);
  const { pending, run } = useContactCommand();
  return (
    <Card withBorder padding="sm" data-contact={contact.id} data-testid="active-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c="teal" tt="uppercase">
            {t('work.active')}
          </Text>
          {contact.answeredAt && (
            <Text size="xs" c="dimmed" data-testid="handle-time">
              {t('work.handleTime')} <TimeInState since={contact.answeredAt} />
            </Text>
          )}
        </Group>
        <ContactHeadline
          contact={contact}
          queueName={queueName}
          customerName={customer?.name}
          onOpen={() => openInPop(contact)}
        />
        {contact.channel === 'chat' && <ChatPanel contact={contact} />}
        <Group justify="flex-end">
          <CallControls contact={contact} />
          <Button
            size="sm"
            color="red"
            loading={pending}
            onClick={() => void run({ type: 'contact:end', payload: { contactId: contact.id } })}
          >
            {t('work.end')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
