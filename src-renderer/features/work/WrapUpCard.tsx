import { Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import { usePendingWrite } from '../../data/outbox-hooks';
import { queueWrapUp } from '../../data/pending-writes';
import { useAppStore } from '../../store/store';
import { ContactHeadline } from './ContactHeadline';
import { dispositionLabel } from './disposition-label';
import { openInPop } from './open-in-pop';
import { useContactCommand } from './use-contact-command';
import { useContactCustomer } from './use-contact-customer';
import { WrapUpClock } from './WrapUpClock';
import { ariaShortcut, useShortcuts } from '../keyboard/use-shortcuts';

/**
 * After-contact work: time left, a "Disposition" (required when the queue lists any), "Complete
 * wrap-up". The first wrap-up shown (`hasShortcuts`) completes on Alt+W.
 */
export function WrapUpCard({
  contact,
  queue,
  hasShortcuts = false,
}: {
  contact: Contact;
  queue: Queue | undefined;
  hasShortcuts?: boolean;
}) {
  const { t } = useTranslation();
  const customer = useContactCustomer(contact.customerId);
  const { pending, run } = useContactCommand();
  const dispositions = queue?.routing.dispositions ?? [];
  const [disposition, setDisposition] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const queued = usePendingWrite('wrap-up', contact.id);

  function complete() {
    if (dispositions.length > 0 && !disposition) return setError(t('work.dispositionRequired'));
    setError(null);
    const payload = { contactId: contact.id, ...(disposition ? { disposition } : {}) };
    // Offline, the wrap-up waits in the outbox and is sent once, in order, when the link is back.
    if (!isOnline) {
      return void queueWrapUp(payload).catch((err: unknown) =>
        notifications.show({ color: 'red', message: t('work.failed', { reason: String(err) }) }),
      );
    }
    void run({ type: 'contact:complete-wrap-up', payload });
  }
  useShortcuts({ completeWrapUp: complete }, hasShortcuts && !pending && !queued);

  return (
    <Card withBorder padding="sm" data-contact={contact.id} data-testid="wrap-up-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c="orange" tt="uppercase">
            {t('work.wrapUp')}
          </Text>
          {queued ? (
            <Badge color="yellow" variant="light" data-testid="wrap-up-pending">
              {t('offline.pending')}
            </Badge>
          ) : (
            contact.wrapUpDueAt && <WrapUpClock dueAt={contact.wrapUpDueAt} />
          )}
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
              value={queued?.kind === 'wrap-up' ? (queued.payload.disposition ?? '') : disposition}
              disabled={Boolean(queued)}
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
          <Button
            size="sm"
            loading={pending}
            disabled={Boolean(queued)}
            onClick={complete}
            aria-keyshortcuts={hasShortcuts ? ariaShortcut('completeWrapUp') : undefined}
          >
            {t('work.completeWrapUp')}
          </Button>
        </Group>
        {queued && (
          <Text size="xs" c="dimmed">
            {t('offline.wrapUpQueued')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
