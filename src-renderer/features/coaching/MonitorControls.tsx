import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COACHING_COMMAND_TYPES,
  MONITOR_MODES,
  type MonitorMode,
} from '../../../src-shared/protocol/coaching-commands';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';

/** Asks the phone system to join the coach's phone to a live call: listen, whisper or barge. */
export function MonitorControls({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<MonitorMode | null>(null);
  const join = async (mode: MonitorMode) => {
    setBusy(mode);
    try {
      await runCoachingCommand({ type: COACHING_COMMAND_TYPES.monitorCall, payload: { contactId, mode } });
      setOutcome({ ok: true, text: t(`qa.monitor.joined.${mode}`) });
    } catch (err) {
      setOutcome({ ok: false, text: commandErrorText(err, t('qa.offline')) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {MONITOR_MODES.map((mode) => (
          <Button key={mode} variant="light" loading={busy === mode} onClick={() => void join(mode)}>
            {t(`qa.monitor.${mode}`)}
          </Button>
        ))}
      </Group>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} p="xs" role="status">
          {outcome.text}
        </Alert>
      )}
    </Stack>
  );
}
