import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../src-shared/protocol/channels';
import {
  CRITERION_KINDS,
  CRITICAL_EFFECTS,
  type CommentRule,
  type Criterion,
  type CriterionKind,
  type CriticalEffect,
} from '../../../src-shared/protocol/coaching';
import { CriterionKindFields } from './CriterionKindFields';
import { setCriterionKind } from './template-edits';

interface Props {
  criterion: Criterion;
  readOnly: boolean;
  onChange(criterion: Criterion): void;
  onRemove(): void;
}

function commentRule(when: string): CommentRule {
  if (when === 'always') return { when };
  if (when === 'low_score') return { when, belowFraction: 0.5 };
  return { when: 'never' };
}

/** Everything about one criterion: what it asks, how it scores, when it needs a comment. */
export function CriterionEditor({ criterion, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Criterion>) => onChange({ ...criterion, ...patch } as Criterion);
  const name = criterion.label || criterion.key;
  return (
    <Stack gap="xs" p="sm" bg="var(--mantine-color-default-hover)" data-testid={`edit-${criterion.key}`}>
      <Group grow align="flex-end">
        <TextInput
          label={t('qa.editor.criterionLabel')}
          value={criterion.label}
          readOnly={readOnly}
          onChange={(e) => set({ label: e.currentTarget.value })}
        />
        <TextInput
          label={t('qa.editor.key')}
          value={criterion.key}
          readOnly={readOnly}
          onChange={(e) => set({ key: e.currentTarget.value })}
        />
        <Select
          label={t('qa.editor.kind')}
          data={CRITERION_KINDS.map((kind) => ({ value: kind, label: t(`qa.editor.kinds.${kind}`) }))}
          value={criterion.kind}
          readOnly={readOnly}
          allowDeselect={false}
          onChange={(kind) => kind && onChange(setCriterionKind(criterion, kind as CriterionKind))}
        />
      </Group>
      <TextInput
        label={t('qa.editor.description')}
        value={criterion.description}
        readOnly={readOnly}
        onChange={(e) => set({ description: e.currentTarget.value })}
      />
      {criterion.kind !== 'text' && (
        <Group grow align="flex-end">
          <NumberInput
            label={t('qa.editor.weight')}
            value={criterion.weight}
            min={0}
            readOnly={readOnly}
            onChange={(w) => set({ weight: typeof w === 'number' ? w : 0 })}
          />
          <Select
            label={t('qa.editor.commentWhen')}
            data={['never', 'always', 'low_score'].map((w) => ({
              value: w,
              label: t(`qa.editor.comment.${w}`),
            }))}
            value={criterion.comment.when}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(when) => when && set({ comment: commentRule(when) })}
          />
          <Select
            label={t('qa.editor.critical')}
            data={CRITICAL_EFFECTS.map((e) => ({ value: e, label: t(`qa.editor.criticalEffects.${e}`) }))}
            value={criterion.critical.effect}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(effect) =>
              effect && set({ critical: { ...criterion.critical, effect: effect as CriticalEffect } })
            }
          />
        </Group>
      )}
      <Group grow align="flex-end">
        <TextInput
          label={t('qa.editor.skill')}
          value={criterion.skill ?? ''}
          readOnly={readOnly}
          onChange={(e) => set({ skill: e.currentTarget.value.trim() || null })}
        />
        <MultiSelect
          label={t('qa.editor.channels')}
          placeholder={criterion.channels.length ? undefined : t('qa.editor.allChannels')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`reports.channels.${c}`) }))}
          value={criterion.channels}
          readOnly={readOnly}
          onChange={(channels) => set({ channels: channels as Channel[] })}
        />
        <Checkbox
          label={t('qa.editor.naAllowed')}
          checked={criterion.naAllowed}
          disabled={readOnly}
          onChange={(e) => set({ naAllowed: e.currentTarget.checked })}
        />
      </Group>
      <CriterionKindFields criterion={criterion} readOnly={readOnly} onChange={onChange} />
      {!readOnly && (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={onRemove}
            aria-label={t('qa.editor.removeCriterion', { name })}
          >
            {t('qa.editor.remove')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
