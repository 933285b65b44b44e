import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../src-shared/protocol/channels';
import { AGENT_STATES, type AgentState, type Queue, type Team } from '../../../src-shared/protocol/entities';
import type { BoardFilter } from './board-filters';

interface BoardFiltersProps {
  filter: BoardFilter;
  teams: Team[];
  queues: Queue[];
  onChange: (filter: BoardFilter) => void;
}

/** Narrows the whole board by team, queue, channel and agent state. */
export function BoardFilters({ filter, teams, queues, onChange }: BoardFiltersProps) {
  const { t } = useTranslation();
  const common = { clearable: true, placeholder: t('board.all'), w: 200 } as const;
  return (
    <Group role="group" aria-label={t('board.filters')} gap="sm">
      <Select
        {...common}
        label={t('board.team')}
        value={filter.teamId}
        onChange={(teamId) => onChange({ ...filter, teamId })}
        data={teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <Select
        {...common}
        label={t('board.queue')}
        value={filter.queueId}
        onChange={(queueId) => onChange({ ...filter, queueId })}
        data={queues.map((queue) => ({ value: queue.id, label: queue.name }))}
        searchable
      />
      <Select
        {...common}
        label={t('board.channel')}
        value={filter.channel}
        onChange={(channel) => onChange({ ...filter, channel: channel as Channel | null })}
        data={CHANNELS.map((c) => ({ value: c, label: t(`reports.channels.${c}`) }))}
      />
      <Select
        {...common}
        label={t('board.state')}
        value={filter.state}
        onChange={(state) => onChange({ ...filter, state: state as AgentState | null })}
        data={AGENT_STATES.map((s) => ({ value: s, label: t(`agentState.states.${s}`) }))}
      />
    </Group>
  );
}
