import { Badge, Group, NativeSelect, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgent } from '../../data/directory-hooks';
import { usePendingWrite } from '../../data/outbox-hooks';
import { useAppStore } from '../../store/store';
import { formatDuration } from '../../ui/format-duration';
import { useNow } from '../../ui/use-now';
import { choiceOf, payloadOf, STATE_CHOICES } from './agent-state-options';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { changeMyState } from './change-my-state';

/**
 * The agent's own state: Available, Away with a reason, Offline. Offline, the request waits in the
 * outbox (marked pending, the latest choice wins) and the server applies it once on reconnect.
 */
export function AgentStateControl() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const me = useAgent(user?.id);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const queued = usePendingWrite('agent-state', user?.id);
  const requested =
    queued?.kind === 'agent-state'
      ? choiceOf({ ...queued.payload, reasonCode: queued.payload.reasonCode ?? null })
      : undefined;

  const label = (choice: string) => {
    const [state, reason] = choice.split(':');
    const stateLabel = t(`agentState.states.${state ?? 'offline'}`);
    return reason ? `${stateLabel} – ${t(`agentState.reasons.${reason}`)}` : stateLabel;
  };
  const current = requested ?? (me ? choiceOf(me) : 'offline');
  const choices: string[] = STATE_CHOICES.includes(current as never)
    ? [...STATE_CHOICES]
    : [current, ...STATE_CHOICES];

  // A choice made while another is on its way (a shortcut pressed as the first is acknowledged)
  // is not dropped: the latest one is sent when the one under way is answered.
  const next = useRef<string | undefined>(undefined);
  const inFlight = useRef(false);

  async function change(choice: string) {
    if (!payloadOf(choice)) return;
    if (inFlight.current) {
      next.current = choice;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      for (let pick: string | undefined = choice; pick; pick = next.current) {
        next.current = undefined;
        await changeOnce(pick);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  async function changeOnce(choice: string) {
    try {
      await changeMyState(user?.id ?? '', isOnline, choice);
    } catch (err) {
      notifications.show({
        color: 'red',
        message: t('agentState.failed', { reason: (err as Error).message }),
      });
    }
  }

  // Alt+1 Available, Alt+2 Away – Break, Alt+3 Away – Lunch, Alt+0 Offline (docs/KEYBOARD.md).
  useShortcuts(
    {
      available: () => void change('available'),
      awayBreak: () => void change('away:break'),
      awayLunch: () => void change('away:lunch'),
      offline: () => void change('offline'),
    },
    Boolean(me),
  );

  return (
    <Group gap="sm" align="flex-end">
      <Tooltip label={t('offline.stateOffline')} disabled={isOnline}>
        <div>
          <NativeSelect
            label={t('agentState.label')}
            value={current}
            disabled={busy || !me}
            onChange={(e) => void change(e.currentTarget.value)}
            // Busy, Wrap-up and Away – Missed are set by the work and routing: shown, never picked.
            data={choices.map((c) => ({ value: c, label: label(c), disabled: !payloadOf(c) }))}
            w={240}
          />
        </div>
      </Tooltip>
      {requested && (
        <Badge
          color="yellow"
          variant="light"
          mb={8}
          data-testid="state-pending"
          title={t('offline.stateQueued', { state: label(requested) })}
        >
          {t('offline.pending')}
        </Badge>
      )}
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
