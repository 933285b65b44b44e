import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../src-shared/protocol/channels';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { SamplingPlan } from '../../../src-shared/protocol/coaching-sampling';
import {
  SAMPLING_PERIODS,
  SamplingPlanBody,
  type SamplingPeriod,
} from '../../../src-shared/protocol/coaching-sampling';
import { useScorecardTemplates } from '../../data/coaching-hooks';
import { useTeams } from '../../data/directory-hooks';
import { useQueues } from '../../data/queue-hooks';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';

interface Props {
  /** The plan being changed; none for a new one. */
  plan?: SamplingPlan;
  onSaved(plan: SamplingPlan): void;
  onCancel(): void;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function blankPlan(templateId: string): SamplingPlanBody {
  return {
    name: '',
    templateId,
    perAgent: 2,
    period: 'week',
    channels: [],
    queueIds: [],
    teamIds: [],
    timeZone: localZone(),
    dueAfterDays: 5,
    active: true,
  };
}

/** Creating or changing a sampling plan; the server checks the teams are the coach's own. */
export function SamplingPlanForm({ plan, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const templates = useScorecardTemplates() ?? [];
  const teams = useTeams() ?? [];
  const queues = useQueues() ?? [];
  const [body, setBody] = useState<SamplingPlanBody>(() =>
    plan ? SamplingPlanBody.parse(plan) : blankPlan(''),
  );
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const set = <K extends keyof SamplingPlanBody>(key: K, value: SamplingPlanBody[K]) =>
    setBody((b) => ({ ...b, [key]: value }));
  const templateId = body.templateId || templates[0]?.id || '';
  const title = plan ? t('sampling.editPlan', { name: plan.name }) : t('sampling.newPlan');

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      const saved = await runCoachingCommand({
        type: COACHING_COMMAND_TYPES.saveSamplingPlan,
        payload: { planId: plan?.id ?? crypto.randomUUID(), plan: { ...body, templateId } },
        ...(plan ? { expectedVersion: plan.version } : {}),
      });
      onSaved(saved);
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={4}>{title}</Title>
      <Group grow align="flex-end">
        <TextInput
          label={t('sampling.name')}
          value={body.name}
          required
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Select
          label={t('sampling.scorecard')}
          data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          value={templateId || null}
          allowDeselect={false}
          onChange={(id) => id && set('templateId', id)}
        />
      </Group>
      <Group grow align="flex-end">
        <NumberInput
          label={t('sampling.perAgent')}
          min={1}
          max={50}
          value={body.perAgent}
          onChange={(v) => set('perAgent', typeof v === 'number' ? v : Number(v) || 1)}
        />
        <Select
          label={t('sampling.period')}
          data={SAMPLING_PERIODS.map((p) => ({ value: p, label: t(`sampling.periods.${p}`) }))}
          value={body.period}
          allowDeselect={false}
          onChange={(p) => p && set('period', p as SamplingPeriod)}
        />
        <NumberInput
          label={t('sampling.dueAfterDays')}
          min={0}
          max={60}
          value={body.dueAfterDays}
          onChange={(v) => set('dueAfterDays', typeof v === 'number' ? v : Number(v) || 0)}
        />
      </Group>
      <Group grow align="flex-end">
        <MultiSelect
          label={t('sampling.teams')}
          data={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={body.teamIds}
          onChange={(ids) => set('teamIds', ids)}
        />
        <MultiSelect
          label={t('sampling.queues')}
          data={queues.map((q) => ({ value: q.id, label: q.name }))}
          value={body.queueIds}
          searchable
          onChange={(ids) => set('queueIds', ids)}
        />
        <MultiSelect
          label={t('sampling.channels')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`reports.channels.${c}`) }))}
          value={body.channels}
          onChange={(ids) => set('channels', ids as Channel[])}
        />
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('sampling.timeZone')}
          value={body.timeZone}
          onChange={(e) => set('timeZone', e.currentTarget.value)}
        />
        <Switch
          label={t('sampling.active')}
          checked={body.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
      </Group>
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button loading={isSaving} disabled={!body.name.trim() || !templateId} onClick={() => void save()}>
          {t('sampling.save')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('sampling.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
