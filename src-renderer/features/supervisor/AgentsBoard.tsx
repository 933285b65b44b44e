import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentFigures } from '../../../src-shared/domain/supervision/board';
import type { AgentToday } from '../../../src-shared/protocol/board-today';
import type { Agent, Team } from '../../../src-shared/protocol/entities';
import { AgentStateBadge } from '../../ui/AgentStateBadge';
import { formatDuration } from '../../ui/format-duration';
import { ChannelIcon } from '../work/ChannelIcon';

const ROW_HEIGHT = 44;
const VIEWPORT_HEIGHT = 480;

interface AgentsBoardProps {
  agents: Agent[];
  teams: Team[];
  figures: ReadonlyMap<string, AgentFigures>;
  today: ReadonlyMap<string, AgentToday>;
  onOpen: (agentId: string) => void;
}

/**
 * Every agent live, only the rows in view rendered (@tanstack/react-virtual), so a floor of a
 * thousand agents scrolls as smoothly as ten: state and reason, time in state, current work with
 * its age; occupancy, offers missed today (in a row now) and consoles connected, from the server.
 */
export function AgentsBoard({ agents, teams, figures, today, onOpen }: AgentsBoardProps) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  // TanStack's virtualizer is mutable by design; this component is simply not auto-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: agents.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => agents[index]?.id ?? index,
  });
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const rows = virtualizer.getVirtualItems();
  const padTop = rows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          {t('supervisor.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('board.agentCount', { count: agents.length })}
        </Text>
      </Group>
      {agents.length === 0 ? (
        <Text c="dimmed">{t('supervisor.noAgents')}</Text>
      ) : (
        <div
          ref={viewport}
          style={{ height: VIEWPORT_HEIGHT, overflow: 'auto' }}
          data-testid="agents-viewport"
        >
          <Table
            striped
            highlightOnHover
            stickyHeader
            aria-label={t('supervisor.title')}
            aria-rowcount={agents.length + 1}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervisor.name')}</Table.Th>
                <Table.Th>{t('supervisor.team')}</Table.Th>
                <Table.Th>{t('supervisor.state')}</Table.Th>
                <Table.Th>{t('supervisor.reason')}</Table.Th>
                <Table.Th>{t('supervisor.timeInState')}</Table.Th>
                <Table.Th>{t('queueBoard.currentWork')}</Table.Th>
                <Table.Th ta="right">{t('board.occupancy')}</Table.Th>
                <Table.Th ta="right">{t('board.missedToday')}</Table.Th>
                <Table.Th ta="right">{t('board.devices')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
              {rows.map((row) => {
                const agent = agents[row.index];
                const line = agent && figures.get(agent.id);
                if (!agent || !line) return null;
                const day = today.get(agent.id);
                return (
                  <Table.Tr
                    key={agent.id}
                    data-agent={agent.username}
                    aria-rowindex={row.index + 2}
                    h={ROW_HEIGHT}
                  >
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => onOpen(agent.id)}>
                        {agent.displayName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{(agent.teamId && teamName.get(agent.teamId)) ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <AgentStateBadge state={line.state} />
                    </Table.Td>
                    <Table.Td>
                      {line.reasonCode ? t(`agentState.reasons.${line.reasonCode}`) : t('common.none')}
                    </Table.Td>
                    <Table.Td ff="monospace">{formatDuration(line.timeInStateS * 1000)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" data-testid="work">
                        {line.work.length === 0 && t('common.none')}
                        {line.work.slice(0, 4).map((work) => (
                          <Group key={work.contactId} gap={2} wrap="nowrap">
                            <ChannelIcon channel={work.channel} size="sm" />
                            <Text size="xs" ff="monospace">
                              {formatDuration(work.heldS * 1000)}
                            </Text>
                          </Group>
                        ))}
                        {line.work.length > 4 && <Badge size="xs">+{line.work.length - 4}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" data-testid="occupancy">
                      {day?.occupancyPercent == null ? '—' : `${Math.round(day.occupancyPercent)}%`}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      c={line.missedOffers > 0 ? 'orange' : undefined}
                      data-testid="missed-today"
                      title={t('board.missedInARow', { count: line.missedOffers })}
                    >
                      {day?.missedOffersToday ?? '—'}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="devices">
                      {day?.devices ?? '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
