import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../src-shared/protocol/entities';
import { useWaitingInQueues } from '../../data/work-hooks';
import { platform } from '../../platform/current-platform';
import { useNow } from '../../ui/use-now';
import { VirtualList } from '../../ui/VirtualList';
import { useMyQueues } from './use-my-queues';
import { WAITING_COLUMNS, WAITING_ROW_HEIGHT, WaitingRow } from './WaitingRow';

const LIST_HEIGHT = WAITING_ROW_HEIGHT * 7;

/** Everything waiting in my queues, most urgent first, with why it waits; thousands scroll smoothly. */
export function WaitingList() {
  const { t } = useTranslation();
  const queues = useMyQueues();
  const queueIds = useMemo(() => queues?.map((q) => q.id), [queues]);
  const names = useMemo(
    () => new Map((queues ?? []).map((q): [string, Queue['name']] => [q.id, q.name])),
    [queues],
  );
  const waiting = useWaitingInQueues(queueIds);
  const now = useNow();
  const count = waiting?.length ?? 0;

  useEffect(() => {
    platform.setBadgeCount(count).catch(() => undefined);
  }, [count]);
  useEffect(() => () => void platform.setBadgeCount(0).catch(() => undefined), []);

  return (
    <Paper withBorder p="md" component="section" aria-label={t('work.waitingTitle')}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4">
          {t('work.waitingTitle')}
        </Title>
        <Badge variant="light" data-testid="waiting-total">
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text c="dimmed" size="sm">
          {waiting ? t('work.noWaiting') : t('common.loading')}
        </Text>
      ) : (
        <>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: WAITING_COLUMNS,
              gap: 'var(--mantine-spacing-sm)',
              padding: '0 var(--mantine-spacing-xs) 4px',
            }}
          >
            {['', t('work.contact'), t('work.priorityShort'), t('work.waiting'), t('work.whyWaiting')].map(
              (title, index) => (
                <Text
                  key={index}
                  size="xs"
                  fw={600}
                  c="dimmed"
                  ta={index === 2 || index === 3 ? 'right' : undefined}
                >
                  {title}
                </Text>
              ),
            )}
          </div>
          <VirtualList
            items={waiting ?? []}
            rowHeight={WAITING_ROW_HEIGHT}
            height={Math.min(LIST_HEIGHT, count * WAITING_ROW_HEIGHT)}
            itemKey={(contact) => contact.id}
            renderRow={(contact) => (
              <WaitingRow contact={contact} queueName={names.get(contact.queueId)} now={now} />
            )}
            aria-label={t('work.waitingList')}
          />
        </>
      )}
    </Paper>
  );
}
