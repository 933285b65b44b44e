import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgent, useAgents, useTeams } from '../../data/directory-hooks';
import { useAppStore } from '../../store/store';
import { AgentsTable } from '../../ui/AgentsTable';

/** The coach's team: the agents they coach, with their live state. */
export function CoachingScreen() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const me = useAgent(user?.id);
  const agents = useAgents();
  const teams = useTeams();
  const team = (agents ?? []).filter(
    (a) => a.roles.includes('agent') && a.id !== user?.id && a.teamId === me?.teamId,
  );
  return (
    <Stack>
      <Title order={2}>{t('coaching.title')}</Title>
      <Text c="dimmed">{t('coaching.intro')}</Text>
      <AgentsTable agents={team} teams={teams ?? []} label={t('coaching.title')} />
    </Stack>
  );
}
