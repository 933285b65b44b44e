import { Group, NativeSelect, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Agent } from '../../../src-shared/protocol/entities';
import { useAgent } from '../../data/directory-hooks';
import { applyAgentAnswer } from '../../data/sync-repository';
import { useAppStore } from '../../store/store';
import { runOnlineCommand } from '../../sync/online-command';
import { formatDuration } from '../../ui/format-duration';
import { useNow } from '../../ui/use-now';
import { choiceOf, payloadOf, STATE_CHOICES } from './agent-state-options';

/** The agent's own state: Available, Away with a reason, Offline. Online only (routing depends on it). */
export function AgentStateControl() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const me = useAgent(user?.id);
  const [busy, setBusy] = useState(false);
  const now = useNow();

  const label = (choice: string) => {
    const [state, reason] = choice.split(':');
    const stateLabel = t(`agentState.states.${state ?? 'offline'}`);
    return reason ? `${stateLabel} – ${t(`agentState.reasons.${reason}`)}` : stateLabel;
  };
  const current = me ? choiceOf(me) : 'offline';
  const choices: string[] = STATE_CHOICES.includes(current as never)
    ? [...STATE_CHOICES]
    : [current, ...STATE_CHOICES];

  async function change(choice: string) {
    const payload = payloadOf(choice);
    if (!payload) return;
    setBusy(true);
    try {
      const entity = Agent.safeParse(await runOnlineCommand({ type: 'agent:set-state', payload }));
      if (entity.success) await applyAgentAnswer(entity.data);
    } catch (err) {
      notifications.show({
        color: 'red',
        message: t('agentState.failed', { reason: (err as Error).message }),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="sm" align="flex-end">
      <Tooltip label={t('agentState.onlineOnly')} disabled={isOnline}>
        <div>
          <NativeSelect
            label={t('agentState.label')}
            value={current}
            disabled={!isOnline || busy || !me}
            onChange={(e) => void change(e.currentTarget.value)}
            // Busy, Wrap-up and Away – Missed are set by the work and routing: shown, never picked.
            data={choices.map((c) => ({ value: c, label: label(c), disabled: !payloadOf(c) }))}
            w={240}
          />
        </div>
      </Tooltip>
      {me && (
        <Text size="sm" c="dimmed" pb={8} data-testid="time-in-state">
          {t('agentState.timeInState', {
            duration: formatDuration(now - Date.parse(me.stateSince)),
          })}
        </Text>
      )}
      {me && !payloadOf(current) && (
        <Text size="sm" c="dimmed" pb={8}>
          {t('work.setByWork')}
        </Text>
      )}
    </Group>
  );
}
