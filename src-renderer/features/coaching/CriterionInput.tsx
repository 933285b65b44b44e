import { Badge, Group, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerAnchor, AnswerValue, Criterion } from '../../../src-shared/protocol/coaching';
import type { DraftAnswer } from './answer-edits';
import { anchorId, excerpt, momentOf, type Moment } from './moments';

const NA = 'na';

interface Props {
  criterion: Criterion;
  answer: DraftAnswer | undefined;
  /** Messages from the answer checks, already translated. */
  problems: readonly string[];
  moments: readonly Moment[];
  readOnly?: boolean;
  onValue(value: AnswerValue): void;
  onComment(comment: string): void;
  onAnchor(anchor: AnswerAnchor | null): void;
}

/** The radio value for an answer value ("na" for N/A, "" for not answered). */
function radioValue(value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (value === null) return NA;
  return String(value);
}

function valueFromRadio(criterion: Criterion, radio: string): AnswerValue {
  if (radio === NA) return null;
  if (criterion.kind === 'yes_no') return radio === 'true';
  if (criterion.kind === 'scale') return Number(radio);
  return radio;
}

function Choices({ criterion, canBeNa }: { criterion: Criterion; canBeNa: boolean }) {
  const { t } = useTranslation();
  const options: { value: string; label: string }[] = [];
  if (criterion.kind === 'yes_no') {
    options.push({ value: 'true', label: t('qa.form.yes') }, { value: 'false', label: t('qa.form.no') });
  } else if (criterion.kind === 'scale') {
    for (let point = criterion.min; point <= criterion.max; point += 1) {
      const anchor = criterion.anchors.find((a) => a.value === point);
      options.push({ value: String(point), label: anchor ? `${point} — ${anchor.text}` : String(point) });
    }
  } else if (criterion.kind === 'choice') {
    for (const option of criterion.options) options.push({ value: option.key, label: option.label });
  }
  if (canBeNa) options.push({ value: NA, label: t('qa.form.na') });
  return (
    <Group gap="md">
      {options.map((option) => (
        <Radio key={option.value} value={option.value} label={option.label} />
      ))}
    </Group>
  );
}

/** One criterion of the form: its answer, its comment, and the moment the comment is about. */
export function CriterionInput({ criterion, answer, problems, moments, readOnly, ...on }: Props) {
  const { t } = useTranslation();
  const error = problems.length > 0 ? problems.join(' ') : undefined;
  const anchorOptions = moments.map((moment) => ({
    value: anchorId(moment.anchor),
    label: `${new Date(moment.at).toLocaleTimeString()} · ${excerpt(moment.text)}`,
  }));
  const badges = (
    <Group gap={4}>
      {criterion.critical.effect !== 'none' && (
        <Badge color="red" variant="light" size="xs">
          {t(`qa.form.critical.${criterion.critical.effect}`)}
        </Badge>
      )}
      {criterion.kind !== 'text' && (
        <Badge variant="outline" size="xs">
          {t('qa.form.weight', { weight: criterion.weight })}
        </Badge>
      )}
    </Group>
  );
  return (
    <Stack gap={6} data-testid={`criterion-${criterion.key}`}>
      {criterion.kind === 'text' ? (
        <Textarea
          label={criterion.label}
          description={criterion.description || undefined}
          descriptionProps={{ c: 'gray.7' }}
          value={typeof answer?.value === 'string' ? answer.value : ''}
          maxLength={criterion.maxLength}
          error={error}
          readOnly={readOnly}
          autosize
          minRows={2}
          onChange={(e) => on.onValue(e.currentTarget.value)}
        />
      ) : (
        <Radio.Group
          label={criterion.label}
          description={criterion.description || undefined}
          descriptionProps={{ c: 'gray.7' }}
          value={radioValue(answer?.value)}
          error={error}
          readOnly={readOnly}
          onChange={(radio) => {
            if (!readOnly) on.onValue(valueFromRadio(criterion, radio));
          }}
        >
          <Stack gap={4} mt={4}>
            {badges}
            <Choices criterion={criterion} canBeNa={criterion.naAllowed} />
          </Stack>
        </Radio.Group>
      )}
      {criterion.kind !== 'text' && (
        <Group grow align="flex-start">
          <Textarea
            label={t('qa.form.comment', { label: criterion.label })}
            value={answer?.comment ?? ''}
            readOnly={readOnly}
            autosize
            minRows={1}
            onChange={(e) => on.onComment(e.currentTarget.value)}
          />
          <Select
            label={t('qa.form.moment', { label: criterion.label })}
            placeholder={moments.length ? t('qa.form.noMoment') : t('qa.form.noMoments')}
            data={anchorOptions}
            value={answer?.anchor ? anchorId(answer.anchor) : null}
            clearable
            readOnly={readOnly}
            disabled={moments.length === 0}
            onChange={(id) => on.onAnchor(moments.find((m) => anchorId(m.anchor) === id)?.anchor ?? null)}
          />
        </Group>
      )}
      {readOnly && answer?.anchor && (
        <Text size="xs" c="gray.7">
          {t('qa.form.about', {
            moment: excerpt(momentOf(moments, answer.anchor)?.text ?? ''),
          })}
        </Text>
      )}
    </Stack>
  );
}
