import { Grid, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueues } from '../../data/board-hooks';
import { useQueueLoads } from '../../data/contact-hooks';
import { useAgents } from '../../data/directory-hooks';
import { TimeInState } from '../../ui/TimeInState';
import { queueBoardRows } from './queue-board';

// The charts library is most of the bundle: load it only when the board shows.
const WaitingChart = lazy(() => import('./WaitingChart').then((m) => ({ default: m.WaitingChart })));

/** Every queue live: waiting, longest wait (ticking), agents signed in and available; a chart of waiting. */
export function QueuesBoard() {
  const { t } = useTranslation();
  const queues = useQueues();
  const agents = useAgents();
  const loads = useQueueLoads();
  if (!queues || !agents || !loads) return <Loader />;
  const rows = queueBoardRows(queues, agents, loads);
  return (
    <Grid align="stretch">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md" h="100%">
          <Title order={2} size="h3" mb="xs">
            {t('queueBoard.title')}
          </Title>
          <Table aria-label={t('queueBoard.title')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queueBoard.queue')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.waiting')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.longestWait')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.loggedIn')}</Table.Th>
                <Table.Th ta="right">{t('queueBoard.available')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.queueId} data-queue={row.queueId}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td ta="right" fw={row.waiting > 0 ? 700 : undefined} data-testid="waiting">
                    {row.waiting}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.oldestQueuedAt ? <TimeInState since={row.oldestQueuedAt} /> : t('common.none')}
                  </Table.Td>
                  <Table.Td ta="right" c={row.loggedIn === 0 ? 'red' : undefined}>
                    {row.loggedIn}
                  </Table.Td>
                  <Table.Td ta="right">{row.available}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md" h="100%">
          <Title order={2} size="h3" mb="xs">
            {t('queueBoard.chartTitle')}
          </Title>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('queueBoard.noQueues')}</Text>
          ) : (
            <Suspense fallback={<Loader />}>
              <WaitingChart rows={rows} />
            </Suspense>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
