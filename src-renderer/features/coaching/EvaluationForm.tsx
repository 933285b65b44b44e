import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { AnswerError } from '../../../src-shared/domain/coaching/answers';
import { appliesToChannel } from '../../../src-shared/domain/coaching/scoring';
import {
  answerFor,
  setAnswerAnchor,
  setAnswerComment,
  setAnswerValue,
  type DraftAnswer,
} from './answer-edits';
import { CriterionInput } from './CriterionInput';
import type { Moment } from './moments';

interface Props {
  content: Pick<ScorecardContent, 'sections'>;
  answers: readonly DraftAnswer[];
  /** The contact's channel: criteria for other channels are shown as not applying. */
  channel?: Channel;
  problems?: readonly AnswerError[];
  moments?: readonly Moment[];
  readOnly?: boolean;
  onChange?(answers: DraftAnswer[]): void;
}

/** The scorecard as a form: a card per section, a control per criterion. */
export function EvaluationForm({
  content,
  answers,
  channel,
  problems = [],
  moments = [],
  readOnly,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const change = (next: DraftAnswer[]) => onChange?.(next);
  return (
    <Stack gap="md">
      {content.sections.map((section) => (
        <Card key={section.key} withBorder component="section" aria-label={section.title}>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{section.title}</Title>
            <Badge variant="light">
              {section.kind === 'bonus'
                ? t('qa.form.bonusCap', { cap: section.cap })
                : t('qa.form.sectionWeight', { weight: section.weight })}
            </Badge>
          </Group>
          {section.description && (
            <Text size="sm" c="gray.7" mb="xs">
              {section.description}
            </Text>
          )}
          <Stack gap="lg">
            {section.criteria.map((criterion) =>
              appliesToChannel(criterion, channel) ? (
                <CriterionInput
                  key={criterion.key}
                  criterion={criterion}
                  answer={answerFor(answers, criterion.key)}
                  problems={problems
                    .filter((p) => p.key === criterion.key)
                    .map((p) => t(`qa.answerErrors.${p.code}`))}
                  moments={moments}
                  readOnly={readOnly}
                  onValue={(value) => change(setAnswerValue(answers, criterion.key, value))}
                  onComment={(comment) => change(setAnswerComment(answers, criterion.key, comment))}
                  onAnchor={(anchor) => change(setAnswerAnchor(answers, criterion.key, anchor))}
                />
              ) : (
                <Text key={criterion.key} size="sm" c="gray.7">
                  {t('qa.form.notForChannel', { label: criterion.label })}
                </Text>
              ),
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
