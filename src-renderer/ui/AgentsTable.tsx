import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '../../src-shared/protocol/entities';
import { AgentStateBadge } from './AgentStateBadge';
import { TimeInState } from './TimeInState';

interface AgentsTableProps {
  agents: Agent[];
  teams: Team[];
  label: string;
  /** Given (the supervisor's board): also the contacts each agent holds and their missed offers. */
  workCounts?: ReadonlyMap<string, number>;
}

/** Agents with their live state: the supervisor board and the coach's team list. */
export function AgentsTable({ agents, teams, label, workCounts }: AgentsTableProps) {
  const { t } = useTranslation();
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name ?? t('common.none');
  if (agents.length === 0) return <Text c="dimmed">{t('supervisor.noAgents')}</Text>;
  return (
    <Table striped highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('supervisor.name')}</Table.Th>
          <Table.Th>{t('supervisor.team')}</Table.Th>
          <Table.Th>{t('supervisor.state')}</Table.Th>
          <Table.Th>{t('supervisor.reason')}</Table.Th>
          <Table.Th>{t('supervisor.timeInState')}</Table.Th>
          {workCounts && <Table.Th ta="right">{t('queueBoard.currentWork')}</Table.Th>}
          {workCounts && <Table.Th ta="right">{t('queueBoard.missedOffers')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agents.map((agent) => (
          <Table.Tr key={agent.id} data-agent={agent.username}>
            <Table.Td>
              {agent.displayName}{' '}
              {agent.disabled && (
                <Badge color="gray" size="xs">
                  {t('supervisor.disabled')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{teamName(agent.teamId)}</Table.Td>
            <Table.Td>
              <AgentStateBadge state={agent.state} />
            </Table.Td>
            <Table.Td>
              {agent.reasonCode ? t(`agentState.reasons.${agent.reasonCode}`) : t('common.none')}
            </Table.Td>
            <Table.Td>
              <TimeInState since={agent.stateSince} />
            </Table.Td>
            {workCounts && <Table.Td ta="right">{workCounts.get(agent.id) ?? 0}</Table.Td>}
            {workCounts && (
              <Table.Td ta="right" c={agent.missedOffers > 0 ? 'orange' : undefined}>
                {agent.missedOffers}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
