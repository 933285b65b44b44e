import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactStatus } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import { useQueues } from '../../data/queue-hooks';
import { useMyWork } from '../../data/contact-hooks';
import { useAppStore } from '../../store/store';
import { ActiveCard } from './ActiveCard';
import { OfferCard } from './OfferCard';
import { useOfferAlerts } from './use-offer-alerts';
import { WrapUpCard } from './WrapUpCard';

// Offers first: they expire in seconds.
const ORDER: ContactStatus[] = ['offered', 'active', 'wrap_up'];
const NO_WORK: Contact[] = [];

/** Offers to me, contacts I am on and my wrap-ups, live from the cache. */
export function MyWork() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const mine = useMyWork(user?.id);
  const allQueues = useQueues();
  const work = useMemo(
    () => [...(mine ?? NO_WORK)].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)),
    [mine],
  );
  const offers = useMemo(() => work.filter((c) => c.status === 'offered'), [work]);
  // The keyboard acts on the first offer and the first wrap-up shown.
  const firstWrapUpId = work.find((c) => c.status === 'wrap_up')?.id;
  const queues = useMemo(
    () => new Map((allQueues ?? []).map((q): [string, Queue] => [q.id, q])),
    [allQueues],
  );
  useOfferAlerts(offers);

  return (
    <Paper withBorder p="md" component="section" aria-label={t('work.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('work.title')}
      </Title>
      {work.length === 0 ? (
        <Text c="dimmed" size="sm">
          {mine ? t('work.empty') : t('common.loading')}
        </Text>
      ) : (
        <Stack gap="xs">
          {work.map((contact) => {
            const queue = queues.get(contact.queueId);
            if (contact.status === 'offered')
              return (
                <OfferCard
                  key={contact.id}
                  contact={contact}
                  queue={queue}
                  hasShortcuts={contact.id === offers[0]?.id}
                />
              );
            if (contact.status === 'active')
              return <ActiveCard key={contact.id} contact={contact} queueName={queue?.name} />;
            return (
              <WrapUpCard
                key={contact.id}
                contact={contact}
                queue={queue}
                hasShortcuts={contact.id === firstWrapUpId}
              />
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
