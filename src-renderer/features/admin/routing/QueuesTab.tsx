import { Badge, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueues } from '../../../data/queue-hooks';
import { useTeams } from '../../../data/directory-hooks';
import { QueueEditor } from './QueueEditor';

/** Pick a queue, edit its routing rules. */
export function QueuesTab() {
  const { t } = useTranslation();
  const queues = useQueues();
  const teams = useTeams();
  const [queueId, setQueueId] = useState<string | null>(null);
  if (!queues) return <Loader />;
  const queue = queues.find((q) => q.id === queueId) ?? queues[0];
  if (!queue) return <Text c="dimmed">{t('routingAdmin.noQueues')}</Text>;
  const team = teams?.find((x) => x.id === queue.teamId)?.name ?? t('common.none');
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={t('routingAdmin.queue')}
          data={queues.map((q) => ({ value: q.id, label: q.name }))}
          value={queue.id}
          onChange={setQueueId}
          allowDeselect={false}
          searchable
          w={300}
        />
        <Group gap="xs" pb={6}>
          <Badge variant="light">{t('routingAdmin.teamIs', { team })}</Badge>
          <Badge variant="light" color="gray">
            {t('routingAdmin.languageTier', { language: queue.language, tier: queue.tier })}
          </Badge>
        </Group>
      </Group>
      <QueueEditor key={queue.id} queue={queue} />
    </Stack>
  );
}
