import { Alert, Button, Radio, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { storeEvaluation } from '../../data/coaching-repository';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { answersWithValue, type DraftAnswer } from './answer-edits';
import { commandErrorText } from './command-error';
import { EvaluationForm } from './EvaluationForm';

type Decision = 'accepted' | 'rejected';

/**
 * The coach decides each disputed criterion. Accepting any re-scores the evaluation: the form
 * opens with the current answers, and the result is a new revision beside the old one.
 */
export function ResolveForm({ evaluation, content }: { evaluation: Evaluation; content: ScorecardContent }) {
  const { t } = useTranslation();
  const open = evaluation.disputes.filter((d) => d.decision === null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [answers, setAnswers] = useState<DraftAnswer[]>(evaluation.answers);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const labelOf = (k: string) =>
    content.sections.flatMap((s) => s.criteria).find((c) => c.key === k)?.label ?? k;
  const isRescoring = Object.values(decisions).includes('accepted');
  const isComplete = open.every((d) => decisions[d.key]);

  const resolve = async () => {
    setError(null);
    try {
      await runCoachingCommand(
        {
          type: COACHING_COMMAND_TYPES.resolveEvaluation,
          payload: {
            evaluationId: evaluation.id,
            decisions: open.map((d) => ({ key: d.key, decision: decisions[d.key] ?? 'rejected' })),
            ...(isRescoring ? { answers: answersWithValue(answers) } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        },
        storeEvaluation,
      );
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label={t('qa.resolve.title')}>
      <Title order={4}>{t('qa.resolve.title')}</Title>
      {open.map((dispute) => (
        <Radio.Group
          key={dispute.key}
          label={t('qa.resolve.decisionOn', { label: labelOf(dispute.key) })}
          description={t('qa.resolve.agentSays', { reason: dispute.reason })}
          descriptionProps={{ c: 'gray.7' }}
          value={decisions[dispute.key] ?? ''}
          onChange={(value) => setDecisions({ ...decisions, [dispute.key]: value as Decision })}
        >
          <Group mt={4}>
            <Radio value="accepted" label={t('qa.resolve.accept')} />
            <Radio value="rejected" label={t('qa.resolve.reject')} />
          </Group>
        </Radio.Group>
      ))}
      {isRescoring && (
        <>
          <Alert color="blue" p="xs">
            {t('qa.resolve.rescoreHint')}
          </Alert>
          <EvaluationForm
            content={content}
            answers={answers}
            channel={evaluation.channel}
            onChange={setAnswers}
          />
        </>
      )}
      <Textarea
        label={t('qa.resolve.note')}
        value={note}
        autosize
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button w="fit-content" disabled={!isComplete} onClick={() => void resolve()}>
        {t('qa.resolve.submit')}
      </Button>
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
