import { Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import { DEFAULT_OFFER_TIMEOUTS } from '../../../src-shared/protocol/routing-config';
import { useAppStore } from '../../store/store';
import { ContactHeadline } from './ContactHeadline';
import { OfferCountdown } from './OfferCountdown';
import { openInPop } from './open-in-pop';
import { RoutingReasons } from './RoutingReasons';
import { useContactCommand } from './use-contact-command';
import { useContactCustomer } from './use-contact-customer';
import { ariaShortcut, useShortcuts } from '../keyboard/use-shortcuts';

/**
 * A contact offered to me: what it is, how long I have, Accept / Decline, and why it came to me.
 * The first offer shown (`hasShortcuts`) answers Alt+A and Alt+D.
 */
export function OfferCard({
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
  const [isWhyOpen, why] = useDisclosure(false);
  const payload = { contactId: contact.id };
  // Taking or refusing an offer is decided by the server at that moment: never queued.
  const isOnline = useAppStore((s) => s.connection === 'online');
  const timeout = (queue?.routing.offerTimeouts ?? DEFAULT_OFFER_TIMEOUTS)[contact.channel];

  async function accept() {
    const answer = await run({ type: 'contact:accept', payload });
    // The server's answer names the customer: the pop opens on the contact just accepted.
    if (answer) openInPop(answer);
  }
  const decline = () => void run({ type: 'contact:decline', payload });
  useShortcuts({ accept: () => void accept(), decline }, hasShortcuts && isOnline && !pending);

  return (
    <Card
      withBorder
      padding="sm"
      data-contact={contact.id}
      data-testid="offer-card"
      role="article"
      aria-label={t('work.offerFrom', { from: contact.from })}
      style={{ borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c="blue" tt="uppercase">
            {t('work.offerChannel', { channel: t(`reports.channels.${contact.channel}`) })}
          </Text>
          <Badge variant="light" color="gray" size="sm" tt="none" data-testid="offer-priority">
            {t('work.priority', { priority: Math.round(contact.priority) })}
          </Badge>
        </Group>
        <Group wrap="nowrap" align="center" gap="sm">
          <div style={{ minWidth: 0, flex: 1 }}>
            <ContactHeadline contact={contact} queueName={queue?.name} customerName={customer?.name} />
          </div>
          {contact.offerExpiresAt && (
            <OfferCountdown expiresAt={contact.offerExpiresAt} totalSeconds={timeout} />
          )}
        </Group>
        <Group gap="xs">
          <Button
            size="sm"
            color="green"
            loading={pending}
            disabled={!isOnline}
            onClick={() => void accept()}
            aria-keyshortcuts={hasShortcuts ? ariaShortcut('accept') : undefined}
          >
            {t('work.accept')}
          </Button>
          <Button
            size="sm"
            variant="default"
            disabled={pending || !isOnline}
            onClick={decline}
            aria-keyshortcuts={hasShortcuts ? ariaShortcut('decline') : undefined}
          >
            {t('work.decline')}
          </Button>
          <Button size="compact-sm" variant="subtle" ml="auto" onClick={why.toggle} aria-expanded={isWhyOpen}>
            {t('work.whyMe')}
          </Button>
        </Group>
        {!isOnline && (
          <Text size="xs" c="dimmed" data-testid="offer-needs-server">
            {t('offline.acceptNeedsServer')}
          </Text>
        )}
        <Collapse expanded={isWhyOpen}>
          <RoutingReasons reasons={contact.reasons} />
        </Collapse>
      </Stack>
    </Card>
  );
}
