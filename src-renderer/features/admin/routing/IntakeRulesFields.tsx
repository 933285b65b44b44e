import { Checkbox, Fieldset, Group, Stack, TagsInput, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src-shared/protocol/channels';
import type { QueueForm } from './queue-form';

/**
 * Which new contacts enter the queue (docs/ROUTING.md, "Intake rules"): by the address they were
 * sent to, the number dialled, the form or widget they came from, and, per channel, whatever no
 * rule of any queue took. The queue's language and tier decide among several that match.
 */
export function IntakeRulesFields({
  form,
  language,
  tier,
}: {
  form: UseFormReturnType<QueueForm>;
  language: string;
  tier: number;
}) {
  const { t } = useTranslation();
  const list = (field: 'addresses' | 'numbers' | 'sources', placeholder: string) => ({
    ...form.getInputProps(`routing.intake.${field}`),
    label: t(`intakeRules.${field}`),
    description: t(`intakeRules.${field}Hint`),
    placeholder,
    clearable: true,
  });
  return (
    <Fieldset legend={t('intakeRules.legend')}>
      <Stack>
        <Text size="sm" c="gray.7">
          {t('intakeRules.hint')} {t('intakeRules.languageTier', { language: language.toUpperCase(), tier })}
        </Text>
        <TagsInput {...list('addresses', t('intakeRules.addAddress'))} />
        <TagsInput {...list('numbers', t('intakeRules.addNumber'))} />
        <TagsInput {...list('sources', t('intakeRules.addSource'))} />
        <Checkbox.Group
          {...form.getInputProps('routing.intake.defaultFor')}
          label={t('intakeRules.defaultFor')}
          description={t('intakeRules.defaultForHint')}
        >
          <Group mt="xs">
            {CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={t(`reports.channels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}
