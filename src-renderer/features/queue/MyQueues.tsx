import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQueueLoads } from '../../data/contact-hooks';
import { formatDuration } from '../../ui/format-duration';
import { useNow } from '../../ui/use-now';
import { useMyQueues } from '../work/use-my-queues';

/** The queues I serve (my team's), each with how many wait and the longest wait, live. */
export function MyQueues() {
  const { t } = useTranslation();
  const queues = useMyQueues();
  const loads = useQueueLoads();
  const now = useNow();
  if (!queues) return null;
  return (
    <section aria-label={t('queue.myQueues')}>
      <Text fw={600} mb="xs">
        {t('queue.myQueues')}
      </Text>
      {queues.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('queue.noQueues')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          {queues.map((queue) => {
            const load = loads?.get(queue.id);
            const waiting = load?.waiting ?? 0;
            return (
              <Card key={queue.id} withBorder padding="xs" data-queue={queue.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={500} size="sm">
                    {queue.name}
                  </Text>
                  <Badge variant="outline" size="sm">
                    {t('queue.tier', { tier: queue.tier })} · {queue.language.toUpperCase()}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {queue.channels.map((c) => t(`reports.channels.${c}`)).join(' · ')}
                </Text>
                <Group gap="lg" mt={4}>
                  <Text size="sm">
                    {t('work.waiting')}{' '}
                    <Text span fw={700} c={waiting > 0 ? 'orange' : undefined} data-testid="queue-waiting">
                      {waiting}
                    </Text>
                  </Text>
                  <Text size="sm">
                    {t('work.longestWait')}{' '}
                    <Text span ff="monospace" fw={700} data-testid="queue-longest-wait">
                      {load?.oldestQueuedAt
                        ? formatDuration(now - Date.parse(load.oldestQueuedAt))
                        : t('common.none')}
                    </Text>
                  </Text>
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </section>
  );
}
