import { Alert, Button, Grid, List, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { validateAnswers } from '../../../src-shared/domain/coaching/answers';
import { scoreForm } from '../../../src-shared/domain/coaching/scoring';
import { validateForPublish } from '../../../src-shared/domain/coaching/template-validation';
import { answersWithValue, type DraftAnswer } from './answer-edits';
import { EvaluationForm } from './EvaluationForm';
import { ScoreSummary } from './ScoreSummary';
import { SectionEditor } from './SectionEditor';
import { addCriterion, addSection, removeSection, updateSection } from './template-edits';

interface Props {
  content: ScorecardContent;
  /** A published or retired version is shown, never changed. */
  readOnly: boolean;
  onChange(content: ScorecardContent): void;
}

/**
 * The template editor: the form's sections and criteria on the left; on the right, the form as a
 * coach will see it, scored live by the same function the server uses, and what still stands in
 * the way of publishing.
 */
export function TemplateEditor({ content, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const [previewAnswers, setPreviewAnswers] = useState<DraftAnswer[]>([]);
  const answers = useMemo(() => answersWithValue(previewAnswers), [previewAnswers]);
  const score = useMemo(() => scoreForm(content, answers), [content, answers]);
  const problems = useMemo(() => validateForPublish(content), [content]);
  const previewProblems = validateAnswers(content, answers);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <TextInput
            label={t('qa.editor.name')}
            value={content.name}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...content, name: e.currentTarget.value })}
          />
          <Textarea
            label={t('qa.editor.description')}
            value={content.description}
            readOnly={readOnly}
            autosize
            onChange={(e) => onChange({ ...content, description: e.currentTarget.value })}
          />
          {content.sections.map((section, index) => (
            <SectionEditor
              key={index}
              section={section}
              readOnly={readOnly}
              onChange={(next) => onChange(updateSection(content, index, next))}
              onRemove={() => onChange(removeSection(content, index))}
              onAddCriterion={(kind) =>
                onChange(addCriterion(content, index, kind, t('qa.editor.newCriterion')))
              }
            />
          ))}
          {!readOnly && (
            <Button
              variant="light"
              w="fit-content"
              onClick={() => onChange(addSection(content, t('qa.editor.newSection')))}
            >
              {t('qa.editor.addSection')}
            </Button>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md" pos="sticky" top={0}>
          <Title order={3}>{t('qa.editor.preview')}</Title>
          {problems.length > 0 ? (
            <Alert color="yellow" title={t('qa.editor.notPublishable', { count: problems.length })}>
              <List size="sm">
                {problems.map((problem, index) => (
                  <List.Item key={index}>
                    {t(`qa.templateProblems.${problem.code}`)}
                    {problem.key ? ` (${problem.key})` : ''}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="green">{t('qa.editor.publishable')}</Alert>
          )}
          <ScoreSummary content={content} score={score} label={t('qa.editor.previewScore')} />
          <EvaluationForm
            content={content}
            answers={previewAnswers}
            problems={previewProblems}
            onChange={setPreviewAnswers}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
