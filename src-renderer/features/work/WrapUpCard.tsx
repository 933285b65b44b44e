import { Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import { ContactHeadline } from './ContactHeadline';
import { dispositionLabel } from './disposition-label';
import { openInPop } from './open-in-pop';
import { useContactCommand } from './use-contact-command';
import { useContactCustomer } from './use-contact-customer';
import { WrapUpClock } from './WrapUpClock';

/** After-contact work: time left, a "Disposition" (required when the queue lists any), "Complete wrap-up". */
export function WrapUpCard({ contact, queue }: { contact: Contact; queue: Queue | undefined }) {
  const { t } = useTranslation();
  const customer = useContactCustomer(contact.customerId);
  const { pending, run } = useContactCommand();
  const dispositions = queue?.routing.dispositions ?? [];
  const [disposition, setDisposition] = useState('');
  const [error, setError] = useState<string | null>(null);

  function complete() {
    if (dispositions.length > 0 && !disposition) return setError(t('work.dispositionRequired'));
    setError(null);
    void run({
      type: 'contact:complete-wrap-up',
      payload: { contactId: contact.id, ...(disposition ? { disposition } : {}) },
    });
  }

  return (
    <Card withBorder padding="sm" data-contact={contact.id} data-testid="wrap-up-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c="orange" tt="uppercase">
            {t('work.wrapUp')}
          </Text>
          {contact.wrapUpDueAt && <WrapUpClock dueAt={contact.wrapUpDueAt} />}
        </Group>
        <ContactHeadline
          contact={contact}
          queueName={queue?.name}
          customerName={customer?.name}
          onOpen={() => openInPop(contact)}
        />
        <Group align="flex-end" gap="xs">
          {dispositions.length > 0 && (
            <NativeSelect
              label={t('work.disposition')}
              size="sm"
              flex={1}
              required
              value={disposition}
              error={error}
              onChange={(e) => {
                setDisposition(e.currentTarget.value);
                setError(null);
              }}
              data={[
                { value: '', label: t('work.dispositionPlaceholder') },
                ...dispositions.map((code) => ({ value: code, label: dispositionLabel(code) })),
              ]}
            />
          )}
          <Button size="sm" loading={pending} onClick={complete}>
            {t('work.completeWrapUp')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
