import { Button, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentDrawer } from './AgentDrawer';
import { AgentsBoard } from './AgentsBoard';
import { AlertsPanel } from './AlertsPanel';
import { AuditTable } from './AuditTable';
import { BroadcastDialog } from './BroadcastDialog';
import { BoardFilters } from './BoardFilters';
import { filterAgents, filterQueues, NO_FILTER, type BoardFilter } from './board-filters';
import { useBoardHistory } from './board-history';
import { QueueDrawer } from './QueueDrawer';
import { QueuesBoard } from './QueuesBoard';
import { useBoard } from './use-board';
import { CannedResponsesTab } from '../canned/CannedResponsesTab';

// The charts library is most of the bundle: load it only when the board shows.
const DayChart = lazy(() => import('./DayChart').then((m) => ({ default: m.DayChart })));

/**
 * The live board (PRODUCT.md §4): alerts, every queue and every agent, filtered by team, queue,
 * channel and state; a queue or an agent opens its drill-down, where work is reassigned.
 */
export function SupervisorScreen() {
  const { t } = useTranslation();
  const board = useBoard();
  const { points } = useBoardHistory();
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [openQueueId, setOpenQueueId] = useState<string | null>(null);
  const [openAgentId, setOpenAgentId] = useState<string | null>(null);
  const [isBroadcasting, setBroadcasting] = useState(false);
  if (!board) return <Loader />;
  const { snapshot } = board;
  return (
    <Tabs defaultValue="board" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="board">{t('audit.tabBoard')}</Tabs.Tab>
        <Tabs.Tab value="audit">{t('audit.title')}</Tabs.Tab>
        <Tabs.Tab value="canned">{t('canned.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="canned">
        <CannedResponsesTab />
      </Tabs.Panel>
      <Tabs.Panel value="audit">
        <AuditTable snapshot={snapshot} />
      </Tabs.Panel>
      <Tabs.Panel value="board">
        <Stack>
          <AlertsPanel queues={snapshot.queues} agents={snapshot.agents} />
          <Group justify="space-between" align="flex-end">
            <BoardFilters
              filter={filter}
              teams={snapshot.teams}
              queues={snapshot.queues}
              onChange={setFilter}
            />
            <Button variant="light" onClick={() => setBroadcasting(true)}>
              {t('broadcast.open')}
            </Button>
          </Group>
          <Grid align="stretch">
            <Grid.Col span={{ base: 12, xl: 8 }}>
              <QueuesBoard
                queues={filterQueues(snapshot.queues, filter)}
                figures={board.queueLines}
                today={board.today}
                now={board.now}
                onOpen={setOpenQueueId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xl: 4 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={2} size="h3" mb="xs">
                  {t('board.chartTitle')}
                </Title>
                {points.length === 0 ? (
                  <Text c="dimmed">{t('queueBoard.noQueues')}</Text>
                ) : (
                  <Suspense fallback={<Loader />}>
                    <DayChart points={points} />
                  </Suspense>
                )}
              </Paper>
            </Grid.Col>
          </Grid>
          <AgentsBoard
            agents={filterAgents(snapshot.agents, snapshot.queues, filter)}
            teams={snapshot.teams}
            figures={board.agentLines}
            today={board.agentToday}
            onOpen={setOpenAgentId}
          />
          <QueueDrawer board={board} queueId={openQueueId} onClose={() => setOpenQueueId(null)} />
          <AgentDrawer board={board} agentId={openAgentId} onClose={() => setOpenAgentId(null)} />
          {isBroadcasting && (
            <BroadcastDialog
              teams={snapshot.teams}
              queues={snapshot.queues}
              onClose={() => setBroadcasting(false)}
            />
          )}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
