import { Alert, Button, Fieldset, Group, NumberInput, Stack, TagsInput, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../../src-shared/protocol/entities';
import { useSkills } from '../../../data/contact-hooks';
import { BusinessHours } from './BusinessHours';
import { ChannelTargets } from './ChannelTargets';
import { humanDuration } from './human-duration';
import { IntakeRulesFields } from './IntakeRulesFields';
import { checkQueueForm, queueToForm, type QueueForm } from './queue-form';
import { SaveBar } from './SaveBar';
import { saveQueueRouting } from './save-routing';
import { SkillRows } from './SkillRows';
import { useRoutingEditor } from './use-routing-editor';

/**
 * One queue's routing rules. Checked with the command's own schema before anything is sent; saved
 * against the version the admin started from, so a save by someone else in between is a conflict.
 */
export function QueueEditor({ queue }: { queue: Queue }) {
  const { t, i18n } = useTranslation();
  const skills = useSkills() ?? [];
  const { form, baseline, busy, status, load, onSubmit, reset } = useRoutingEditor({
    entity: queue,
    toForm: queueToForm,
    check: (values: QueueForm) => checkQueueForm(queue.id, values),
    send: (payload, from) => saveQueueRouting(payload, from.version),
    savedText: t('routingAdmin.queueSaved', { name: queue.name }),
  });
  const changedElsewhere = !busy && queue.version > baseline.version;

  const { routing } = form.values;
  const skillIds = routing.requiredSkills.map((s) => s.skillId);
  const withDuration = (seconds: number) => (input: ReactNode) => (
    <Group gap="xs" wrap="nowrap">
      <div style={{ width: 140 }}>{input}</div>
      <Text size="xs" c="dimmed">
        {humanDuration(seconds, i18n.language)}
      </Text>
    </Group>
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={queue.name}>
      <Stack>
        {changedElsewhere && (
          <Alert color="yellow" title={t('routingAdmin.changedElsewhere')}>
            <Button size="compact-sm" variant="light" onClick={() => load(queue)}>
              {t('routingAdmin.loadLatest')}
            </Button>
          </Alert>
        )}
        <ChannelTargets form={form} />
        <IntakeRulesFields form={form} language={queue.language} tier={queue.tier} />
        <SkillRows
          legend={t('routingAdmin.requiredSkills')}
          levelLabel={t('routingAdmin.minProficiency')}
          emptyText={t('routingAdmin.noRequiredSkills')}
          skills={skills}
          skillIds={skillIds}
          inputProps={(i, field) =>
            form.getInputProps(
              `routing.requiredSkills.${i}.${field === 'skill' ? 'skillId' : 'minProficiency'}`,
            )
          }
          onAdd={() => form.insertListItem('routing.requiredSkills', { skillId: '', minProficiency: 3 })}
          onRemove={(i) => form.removeListItem('routing.requiredSkills', i)}
          error={form.errors['routing.requiredSkills']}
        />
        <BusinessHours form={form} />
        <Fieldset legend={t('routingAdmin.workLegend')}>
          <Group align="flex-start">
            <NumberInput
              {...form.getInputProps('routing.wrapUpMaxSeconds')}
              label={t('routingAdmin.wrapUpMax')}
              description={t('routingAdmin.secondsHint')}
              min={0}
              max={3600}
              suffix=" s"
              w={420}
              inputContainer={withDuration(routing.wrapUpMaxSeconds)}
            />
            <NumberInput
              {...form.getInputProps('routing.overflowAfterSeconds')}
              label={t('routingAdmin.overflowAfter')}
              description={t('routingAdmin.overflowHint')}
              min={0}
              suffix=" s"
              w={420}
              inputContainer={withDuration(routing.overflowAfterSeconds)}
            />
          </Group>
          <TagsInput
            {...form.getInputProps('routing.dispositions')}
            mt="md"
            label={t('routingAdmin.dispositions')}
            description={t('routingAdmin.dispositionsHint')}
            placeholder={t('routingAdmin.addDisposition')}
            clearable
          />
        </Fieldset>
        <SaveBar busy={busy} status={status} onReset={reset} />
      </Stack>
    </form>
  );
}
