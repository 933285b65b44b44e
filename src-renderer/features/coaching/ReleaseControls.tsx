import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import { storeEvaluation } from '../../data/coaching-repository';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';

/** Releases a submitted evaluation to its agent, now or at a time the coach sets. */
export function ReleaseControls({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation();
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const release = async (when: string | null) => {
    setError(null);
    try {
      await runCoachingCommand(
        {
          type: COACHING_COMMAND_TYPES.releaseEvaluation,
          payload: { evaluationId, ...(when ? { at: new Date(when).toISOString() } : {}) },
        },
        storeEvaluation,
      );
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };
  return (
    <>
      <Group align="flex-end">
        <Button onClick={() => void release(null)}>{t('qa.release.now')}</Button>
        <TextInput
          type="datetime-local"
          label={t('qa.release.at')}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
        />
        <Button variant="light" disabled={!at} onClick={() => void release(at)}>
          {t('qa.release.schedule')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
