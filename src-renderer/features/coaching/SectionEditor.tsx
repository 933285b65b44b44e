import { Button, Card, Group, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CRITERION_KINDS, type CriterionKind, type Section } from '../../../src-shared/protocol/coaching';
import { CriterionEditor } from './CriterionEditor';
import { setSectionKind } from './template-edits';

interface Props {
  section: Section;
  readOnly: boolean;
  onChange(section: Section): void;
  onRemove(): void;
  onAddCriterion(kind: CriterionKind): void;
}

/** A section's title, weight or bonus cap, and its criteria. */
export function SectionEditor({ section, readOnly, onChange, onRemove, onAddCriterion }: Props) {
  const { t } = useTranslation();
  const name = section.title || section.key;
  return (
    <Card withBorder component="fieldset" aria-label={t('qa.editor.sectionNamed', { name })}>
      <Stack gap="sm">
        <Group grow align="flex-end">
          <TextInput
            label={t('qa.editor.sectionTitle')}
            value={section.title}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...section, title: e.currentTarget.value })}
          />
          <TextInput
            label={t('qa.editor.key')}
            value={section.key}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...section, key: e.currentTarget.value })}
          />
          <SegmentedControl
            aria-label={t('qa.editor.sectionKind')}
            data={[
              { value: 'standard', label: t('qa.editor.standard') },
              { value: 'bonus', label: t('qa.editor.bonus') },
            ]}
            value={section.kind}
            readOnly={readOnly}
            onChange={(kind) => onChange(setSectionKind(section, kind as Section['kind']))}
          />
          {section.kind === 'bonus' ? (
            <NumberInput
              label={t('qa.editor.cap')}
              value={section.cap}
              min={0}
              max={100}
              readOnly={readOnly}
              onChange={(cap) => onChange({ ...section, cap: typeof cap === 'number' ? cap : 0 })}
            />
          ) : (
            <NumberInput
              label={t('qa.editor.sectionWeight')}
              value={section.weight}
              min={0}
              readOnly={readOnly}
              onChange={(w) => onChange({ ...section, weight: typeof w === 'number' ? w : 0 })}
            />
          )}
        </Group>
        {section.criteria.map((criterion, index) => (
          <CriterionEditor
            key={index}
            criterion={criterion}
            readOnly={readOnly}
            onChange={(next) =>
              onChange({ ...section, criteria: section.criteria.map((c, i) => (i === index ? next : c)) })
            }
            onRemove={() =>
              onChange({ ...section, criteria: section.criteria.filter((_c, i) => i !== index) })
            }
          />
        ))}
        {!readOnly && (
          <Group gap="xs">
            {CRITERION_KINDS.map((kind) => (
              <Button key={kind} variant="light" size="xs" onClick={() => onAddCriterion(kind)}>
                {t('qa.editor.addCriterion', { kind: t(`qa.editor.kinds.${kind}`) })}
              </Button>
            ))}
            <Button
              variant="subtle"
              color="red"
              size="xs"
              ml="auto"
              onClick={onRemove}
              aria-label={t('qa.editor.removeSection', { name })}
            >
              {t('qa.editor.remove')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
