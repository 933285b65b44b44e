import { Button, Drawer, Loader, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src-shared/protocol/channels';
import type { Agent } from '../../../../src-shared/protocol/entities';
import { useQueues } from '../../../data/queue-hooks';
import { useSkills } from '../../../data/contact-hooks';
import { useAgents, useTeams } from '../../../data/directory-hooks';
import { AgentEditor } from './AgentEditor';
import { skillLabels } from './skill-options';

const SKILLS_SHOWN = 3;

/** Agents with their routing profile at a glance; Edit opens the profile in a drawer. */
export function AgentsTab() {
  const { t } = useTranslation();
  const agents = useAgents()?.filter((a) => a.roles.includes('agent'));
  const teams = useTeams() ?? [];
  const skills = useSkills() ?? [];
  const queues = useQueues() ?? [];
  const [editingId, setEditingId] = useState<string | null>(null);
  if (!agents) return <Loader />;
  const editing = agents.find((a) => a.id === editingId) ?? null;
  const languages = [
    ...new Set([...queues.map((q) => q.language), ...agents.flatMap((a) => a.languages)]),
  ].sort();

  const skillsOf = (agent: Agent) => {
    const entries = agent.routing.skills.map((s) => ({ skillId: s.skillId, level: s.proficiency }));
    const labels = skillLabels(entries, skills);
    const shown = labels.slice(0, SKILLS_SHOWN).join(', ');
    const more = labels.length - SKILLS_SHOWN;
    return more > 0 ? `${shown} ${t('routingAdmin.moreSkills', { count: more })}` : shown || t('common.none');
  };
  // Each "Chat 3" stays on one line; lines break only between channels.
  const capacityOf = (agent: Agent) =>
    CHANNELS.map((c, i) => (
      <Fragment key={c}>
        {i > 0 && ' '}
        <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
          {`${t(`reports.channels.${c}`)} ${agent.routing.capacity[c]}${i < CHANNELS.length - 1 ? ' ·' : ''}`}
        </Text>
      </Fragment>
    ));

  return (
    <>
      <Table striped highlightOnHover aria-label={t('routingAdmin.agentsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.name')}</Table.Th>
            <Table.Th>{t('admin.team')}</Table.Th>
            <Table.Th>{t('routingAdmin.tier')}</Table.Th>
            <Table.Th>{t('routingAdmin.languages')}</Table.Th>
            <Table.Th>{t('routingAdmin.agentSkills')}</Table.Th>
            <Table.Th>{t('routingAdmin.capacity')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <Table.Tr key={agent.id} data-agent={agent.username}>
              <Table.Td>{agent.displayName}</Table.Td>
              <Table.Td>{teams.find((x) => x.id === agent.teamId)?.name ?? t('common.none')}</Table.Td>
              <Table.Td>{agent.tier}</Table.Td>
              <Table.Td>{agent.languages.join(', ') || t('common.none')}</Table.Td>
              <Table.Td>
                <Text size="sm">{skillsOf(agent)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="capacity" maw={260}>
                  {capacityOf(agent)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditingId(agent.id)}
                  aria-label={t('routingAdmin.editAgent', { name: agent.username })}
                >
                  {t('routingAdmin.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer
        opened={editing !== null}
        onClose={() => setEditingId(null)}
        position="right"
        size="xl"
        title={editing ? t('routingAdmin.agentTitle', { name: editing.displayName }) : ''}
      >
        {editing && <AgentEditor key={editing.id} agent={editing} skills={skills} languages={languages} />}
      </Drawer>
    </>
  );
}
