import { Alert, Button, Group, MultiSelect, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { Rater } from '../../../src-shared/protocol/coaching-http';
import { usePublishedVersions } from '../../data/coaching-hooks';
import { storeCalibration } from '../../data/coaching-repository';
import { newId } from '../../data/new-id';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';

/** A new session: which form, which contacts, which coaches, and optionally an expert. */
export function NewCalibrationForm({
  raters,
  onCreated,
}: {
  raters: readonly Rater[];
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const versions = usePublishedVersions();
  const [versionId, setVersionId] = useState<string | null>(null);
  const [contacts, setContacts] = useState('');
  const [coachIds, setCoachIds] = useState<string[]>([]);
  const [expertId, setExpertId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const contactIds = contacts.split(/[\s,]+/).filter(Boolean);

  const create = async () => {
    setError(null);
    const calibrationId = newId();
    try {
      await runCoachingCommand(
        {
          type: COACHING_COMMAND_TYPES.createCalibration,
          payload: {
            calibrationId,
            versionId: versionId ?? versions?.[0]?.id ?? '',
            contactIds,
            coachIds,
            ...(expertId ? { expertId } : {}),
          },
        },
        storeCalibration,
      );
      onCreated(calibrationId);
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('qa.calibration.new')}>
      <Title order={3}>{t('qa.calibration.new')}</Title>
      <Group grow align="flex-end">
        <Select
          label={t('qa.workspace.scorecard')}
          data={(versions ?? []).map((v) => ({ value: v.id, label: `${v.name} · v${v.number}` }))}
          value={versionId ?? versions?.[0]?.id ?? null}
          onChange={setVersionId}
        />
        <TextInput
          label={t('qa.calibration.contactIds')}
          value={contacts}
          onChange={(e) => setContacts(e.currentTarget.value)}
        />
      </Group>
      <Group grow align="flex-end">
        <MultiSelect
          label={t('qa.calibration.coaches')}
          data={raters.map((c) => ({ value: c.id, label: c.displayName }))}
          value={coachIds}
          onChange={setCoachIds}
        />
        <Select
          label={t('qa.calibration.expertOptional')}
          data={raters.map((c) => ({ value: c.id, label: c.displayName }))}
          value={expertId}
          clearable
          onChange={setExpertId}
        />
      </Group>
      <Button
        w="fit-content"
        disabled={contactIds.length === 0 || coachIds.length < 2}
        onClick={() => void create()}
      >
        {t('qa.calibration.create')}
      </Button>
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
