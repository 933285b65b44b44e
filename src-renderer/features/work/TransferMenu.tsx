import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { useAgents } from '../../data/directory-hooks';
import { useQueues } from '../../data/queue-hooks';
import { useAppStore } from '../../store/store';

/** "Transfer": pick another agent or a queue from the cached directory. */
export function TransferMenu({
  contact,
  disabled,
  onTransfer,
}: {
  contact: Contact;
  disabled: boolean;
  onTransfer(target: { toAgentId: string } | { toQueueId: string }): void;
}) {
  const { t } = useTranslation();
  const me = useAppStore((s) => s.user?.id);
  const agents = (useAgents() ?? []).filter((a) => a.id !== me && a.id !== contact.agentId);
  const queues = (useQueues() ?? []).filter((q) => q.channels.includes(contact.channel));
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="sm" variant="default" disabled={disabled}>
          {t('calls.transfer')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('calls.transferTo')}>
        <Menu.Label>{t('calls.toAgent')}</Menu.Label>
        {agents.length === 0 && <Menu.Item disabled>{t('calls.nobody')}</Menu.Item>}
        {agents.map((agent) => (
          <Menu.Item key={agent.id} onClick={() => onTransfer({ toAgentId: agent.id })}>
            {t('calls.agentOption', {
              name: agent.displayName,
              state: t(`agentState.states.${agent.state}`),
            })}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t('calls.toQueue')}</Menu.Label>
        {queues.map((queue) => (
          <Menu.Item key={queue.id} onClick={() => onTransfer({ toQueueId: queue.id })}>
            {queue.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
