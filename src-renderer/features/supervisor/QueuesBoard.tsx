import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueFigures } from '../../../src-shared/domain/supervision/board';
import { CHANNELS } from '../../../src-shared/protocol/channels';
import type { Queue } from '../../../src-shared/protocol/entities';
import { ChannelIcon } from '../work/ChannelIcon';
import { formatDuration } from '../../ui/format-duration';
import type { QueueToday } from '../../../src-shared/protocol/board-today';

interface QueuesBoardProps {
  queues: Queue[];
  figures: ReadonlyMap<string, QueueFigures>;
  today: ReadonlyMap<string, QueueToday>;
  now: number;
  onOpen: (queueId: string) => void;
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);

/**
 * Every queue live: waiting by channel, longest wait (ticking), expected wait for the next contact
 * by channel, service level today against its target (the KPI report's figure for today, pushed
 * by the server), abandoned today, and the team's agents by state. A queue's name opens its drill-down.
 */
export function QueuesBoard({ queues, figures, today, now, onOpen }: QueuesBoardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t('queueBoard.title')}
      </Title>
      {queues.length === 0 ? (
        <Text c="dimmed">{t('queueBoard.noQueues')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('queueBoard.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queueBoard.queue')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.waiting')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.longestWait')}</Table.Th>
                <Table.Th>{t('board.byChannel')}</Table.Th>
                <Table.Th>{t('board.expectedWait')}</Table.Th>
                <Table.Th ta="right">{t('board.slToday')}</Table.Th>
                <Table.Th ta="right">{t('board.abandoned')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.loggedIn')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.available')}</Table.Th>
                <Table.Th ta="right">{t('board.busy')}</Table.Th>
                <Table.Th ta="right">{t('board.wrapUp')}</Table.Th>
                <Table.Th ta="right">{t('board.away')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queues.map((queue) => {
                const line = figures.get(queue.id);
                const day = today.get(queue.id);
                if (!line) return null;
                const belowTarget =
                  day?.serviceLevelPercent != null &&
                  day.targetPercent !== null &&
                  day.serviceLevelPercent < day.targetPercent;
                return (
                  <Table.Tr key={queue.id} data-queue={queue.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => onOpen(queue.id)}>
                        {queue.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" fw={line.waiting > 0 ? 700 : undefined} data-testid="waiting">
                      {line.waiting}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {line.oldestQueuedAt === null
                        ? t('common.none')
                        : formatDuration(now - line.oldestQueuedAt)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {CHANNELS.filter((c) => line.waitingByChannel[c] > 0).map((c) => (
                          <Group key={c} gap={2} wrap="nowrap" data-channel={c}>
                            <ChannelIcon channel={c} />
                            <Text size="sm">{line.waitingByChannel[c]}</Text>
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td data-testid="expected-wait">
                      <Group gap={6} wrap="nowrap">
                        {queue.channels.map((c) => (
                          <Group key={c} gap={2} wrap="nowrap" data-channel={c}>
                            <ChannelIcon channel={c} />
                            <Text size="sm" ff="monospace">
                              {day?.expectedWaitS[c] == null
                                ? '—'
                                : formatDuration((day.expectedWaitS[c] ?? 0) * 1000)}
                            </Text>
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" c={belowTarget ? 'red' : undefined} data-testid="sl-today">
                      {day?.targetPercent != null
                        ? t('board.slOfTarget', {
                            sl: percent(day.serviceLevelPercent),
                            target: percent(day.targetPercent),
                          })
                        : percent(day?.serviceLevelPercent ?? null)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="abandoned">
                      {day?.abandoned ?? 0}
                    </Table.Td>
                    <Table.Td ta="right" c={line.staff.signedIn === 0 ? 'red' : undefined}>
                      {line.staff.signedIn}
                    </Table.Td>
                    <Table.Td ta="right">{line.staff.available}</Table.Td>
                    <Table.Td ta="right">{line.staff.busy}</Table.Td>
                    <Table.Td ta="right">{line.staff.wrapUp}</Table.Td>
                    <Table.Td ta="right">{line.staff.away}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
