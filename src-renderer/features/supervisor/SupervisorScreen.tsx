import { Group, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkCounts } from '../../data/board-hooks';
import { useAgents, useTeams } from '../../data/directory-hooks';
import { AgentsTable } from '../../ui/AgentsTable';
import { AlertsPanel } from './AlertsPanel';
import { QueuesBoard } from './QueuesBoard';

/**
 * The live board: queue alerts, every queue's waiting work and staffing, and every agent's state,
 * reason, time in state and current work, filtered by team.
 */
export function SupervisorScreen() {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams();
  const workCounts = useWorkCounts();
  const [teamId, setTeamId] = useState<string | null>(null);
  const shown = (agents ?? []).filter((a) => a.roles.includes('agent') && (!teamId || a.teamId === teamId));
  return (
    <Stack>
      <AlertsPanel />
      <QueuesBoard />
      <Group justify="space-between">
        <Title order={2}>{t('supervisor.title')}</Title>
        <Select
          label={t('supervisor.team')}
          placeholder={t('supervisor.allTeams')}
          clearable
          value={teamId}
          onChange={setTeamId}
          data={(teams ?? []).map((team) => ({
            value: team.id,
            label: team.name,
          }))}
          w={240}
        />
      </Group>
      <AgentsTable
        agents={shown}
        teams={teams ?? []}
        label={t('supervisor.title')}
        workCounts={workCounts ?? new Map<string, number>()}
      />
    </Stack>
  );
}
