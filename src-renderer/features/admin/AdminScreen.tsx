import { Alert, Badge, Button, Stack, Table, Tabs, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../src-shared/protocol/entities';
import { useTeams, useUsers } from '../../data/directory-hooks';
import { useAppStore } from '../../store/store';
import { loadUsers } from '../../sync/remote-reads';
import { ConfirmDisableModal } from './ConfirmDisableModal';
import { EscalationTab } from './EscalationTab';
import { CannedResponsesTab } from '../canned/CannedResponsesTab';
import { AgentsTab } from './routing/AgentsTab';
import { QueuesTab } from './routing/QueuesTab';

/**
 * Users with roles, team and status; Disable / Enable (live only, confirmed first). Queues and
 * Agents: routing configuration.
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const me = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [target, setTarget] = useState<AdminUser | null>(null);

  useEffect(() => {
    loadUsers().catch((err: unknown) => setLoadError((err as Error).message));
  }, []);

  const teamName = (id: string | null) => teams?.find((team) => team.id === id)?.name ?? t('common.none');
  return (
    <Stack>
      <Title order={2}>{t('nav.admin')}</Title>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('admin.tabUsers')}</Tabs.Tab>
          <Tabs.Tab value="queues">{t('admin.tabQueues')}</Tabs.Tab>
          <Tabs.Tab value="agents">{t('admin.tabAgents')}</Tabs.Tab>
          <Tabs.Tab value="escalation">{t('escalation.tab')}</Tabs.Tab>
          <Tabs.Tab value="canned">{t('canned.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queues">
          <QueuesTab />
        </Tabs.Panel>
        <Tabs.Panel value="agents">
          <AgentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="escalation">
          <EscalationTab />
        </Tabs.Panel>
        <Tabs.Panel value="canned">
          <CannedResponsesTab />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          {loadError && <Alert color="yellow">{t('admin.loadFailed', { reason: loadError })}</Alert>}
          <Table striped highlightOnHover aria-label={t('admin.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.username')}</Table.Th>
                <Table.Th>{t('admin.name')}</Table.Th>
                <Table.Th>{t('admin.roles')}</Table.Th>
                <Table.Th>{t('admin.team')}</Table.Th>
                <Table.Th>{t('admin.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users?.map((user) => (
                <Table.Tr key={user.id} data-user={user.username}>
                  <Table.Td>{user.username}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                  <Table.Td>{teamName(user.teamId)}</Table.Td>
                  <Table.Td>
                    <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
                      {user.disabled ? t('admin.disabled') : t('admin.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {user.id !== me?.id && (
                      <Tooltip label={t('admin.onlineOnly')} disabled={isOnline}>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color={user.disabled ? 'green' : 'red'}
                          disabled={!isOnline}
                          onClick={() => setTarget(user)}
                          aria-label={`${user.disabled ? t('admin.enable') : t('admin.disable')} ${user.username}`}
                        >
                          {user.disabled ? t('admin.enable') : t('admin.disable')}
                        </Button>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
      <ConfirmDisableModal user={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
