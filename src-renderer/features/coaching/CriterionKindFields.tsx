import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChoiceCriterion, ChoiceOption, Criterion } from '../../../src-shared/protocol/coaching';
import { setScaleAnchor } from './template-edits';

interface Props {
  criterion: Criterion;
  readOnly: boolean;
  onChange(criterion: Criterion): void;
}

function ChoiceOptions({ criterion, readOnly, onChange }: Props & { criterion: ChoiceCriterion }) {
  const { t } = useTranslation();
  const setOption = (index: number, patch: Partial<ChoiceOption>) =>
    onChange({
      ...criterion,
      options: criterion.options.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('qa.editor.options')}
      </Text>
      {criterion.options.map((option, index) => (
        <Group key={index} grow align="flex-end">
          <TextInput
            label={t('qa.editor.optionLabel', { n: index + 1 })}
            value={option.label}
            readOnly={readOnly}
            onChange={(e) => setOption(index, { label: e.currentTarget.value })}
          />
          <TextInput
            label={t('qa.editor.optionKey', { n: index + 1 })}
            value={option.key}
            readOnly={readOnly}
            onChange={(e) => setOption(index, { key: e.currentTarget.value })}
          />
          <NumberInput
            label={t('qa.editor.optionFraction', { n: index + 1 })}
            value={option.fraction}
            min={0}
            max={1}
            step={0.25}
            decimalScale={2}
            readOnly={readOnly}
            onChange={(f) => setOption(index, { fraction: typeof f === 'number' ? f : 0 })}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('qa.editor.removeOption', { n: index + 1 })}
              onClick={() =>
                onChange({ ...criterion, options: criterion.options.filter((_o, i) => i !== index) })
              }
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            onChange({
              ...criterion,
              options: [
                ...criterion.options,
                { key: `option_${criterion.options.length + 1}`, label: '', fraction: 0 },
              ],
            })
          }
        >
          {t('qa.editor.addOption')}
        </Button>
      )}
    </Stack>
  );
}

/** The fields only one kind of criterion has: a scale's points and anchors, a choice's options. */
export function CriterionKindFields({ criterion, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  if (criterion.kind === 'choice') {
    return <ChoiceOptions criterion={criterion} readOnly={readOnly} onChange={onChange} />;
  }
  if (criterion.kind === 'text') {
    return (
      <NumberInput
        label={t('qa.editor.maxLength')}
        value={criterion.maxLength}
        min={1}
        max={10_000}
        readOnly={readOnly}
        w={200}
        onChange={(n) => onChange({ ...criterion, maxLength: typeof n === 'number' ? n : 1 })}
      />
    );
  }
  if (criterion.kind !== 'scale') return null;
  const points: number[] = [];
  for (let p = criterion.min; p <= criterion.max && points.length < 11; p += 1) points.push(p);
  return (
    <Stack gap={4}>
      <Group grow>
        <NumberInput
          label={t('qa.editor.min')}
          value={criterion.min}
          readOnly={readOnly}
          onChange={(n) => onChange({ ...criterion, min: typeof n === 'number' ? n : 0 })}
        />
        <NumberInput
          label={t('qa.editor.max')}
          value={criterion.max}
          readOnly={readOnly}
          onChange={(n) => onChange({ ...criterion, max: typeof n === 'number' ? n : 0 })}
        />
      </Group>
      {points.map((point) => (
        <TextInput
          key={point}
          label={t('qa.editor.anchor', { point })}
          value={criterion.anchors.find((a) => a.value === point)?.text ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange(setScaleAnchor(criterion, point, e.currentTarget.value))}
        />
      ))}
    </Stack>
  );
}
