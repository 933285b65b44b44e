import { Button, CloseButton, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Skill } from '../../../../src-shared/protocol/routing-config';
import { skillOptions } from './skill-options';

interface SkillRowsProps {
  legend: string;
  levelLabel: string;
  emptyText: string;
  skills: Skill[];
  skillIds: string[];
  /** The form's props for row `index`'s skill or level input (value, onChange, error). */
  inputProps(index: number, field: 'skill' | 'level'): GetInputPropsReturnType;
  onAdd(): void;
  onRemove(index: number): void;
  error?: ReactNode;
}

/** Rows of skill + level (1–5) with add and remove: a queue's required skills, an agent's skills. */
export function SkillRows({
  legend,
  levelLabel,
  emptyText,
  skills,
  skillIds,
  inputProps,
  onAdd,
  onRemove,
  error,
}: SkillRowsProps) {
  const { t } = useTranslation();
  const options = skillOptions(skills, t);
  const nameOf = (id: string) => skills.find((s) => s.id === id)?.name ?? id;
  return (
    <Fieldset legend={legend}>
      <Stack gap="xs">
        {skillIds.length === 0 && (
          <Text c="dimmed" size="sm">
            {emptyText}
          </Text>
        )}
        {skillIds.length > 0 && (
          <Group gap="md" aria-hidden>
            <Text size="sm" fw={500} w={260}>
              {t('routingAdmin.skill')}
            </Text>
            <Text size="sm" fw={500}>
              {levelLabel}
            </Text>
          </Group>
        )}
        {skillIds.map((skillId, index) => {
          const which = skillId ? nameOf(skillId) : String(index + 1);
          return (
            <Group key={index} gap="md" align="flex-start" wrap="nowrap" data-testid="skill-row">
              <Select
                {...inputProps(index, 'skill')}
                aria-label={t('routingAdmin.skillN', { n: index + 1 })}
                data={options}
                searchable
                allowDeselect={false}
                placeholder={t('routingAdmin.pickSkill')}
                w={260}
              />
              <NumberInput
                {...inputProps(index, 'level')}
                aria-label={t('routingAdmin.levelOf', { level: levelLabel, skill: which })}
                min={1}
                max={5}
                w={110}
              />
              <CloseButton
                mt={4}
                onClick={() => onRemove(index)}
                aria-label={t('routingAdmin.removeSkill', { skill: which })}
              />
            </Group>
          );
        })}
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" size="compact-sm" onClick={onAdd}>
            {t('routingAdmin.addSkill')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
