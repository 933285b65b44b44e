import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import { personName } from '../../../src-shared/protocol/coaching-evaluations';
import { useEvaluation, useScorecardVersion } from '../../data/coaching-hooks';
import { storeEvaluation } from '../../data/coaching-repository';
import { useAgents } from '../../data/directory-hooks';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { loadScorecardVersion } from '../../sync/coaching-reads';
import { commandErrorText } from './command-error';
import { DisputeForm } from './DisputeForm';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationStatus } from './EvaluationStatus';
import { storedScore } from './evaluation-score';
import { FollowUpForm } from './FollowUpForm';
import { ResolveForm } from './ResolveForm';
import { RevisionHistory } from './RevisionHistory';
import { ScoreSummary } from './ScoreSummary';
import { SelfAssessmentBeside } from './SelfAssessmentBeside';
import { useContactReview } from './use-contact-review';

interface Props {
  evaluationId: string;
  viewer: 'coach' | 'agent';
  onClose(): void;
}

/** One evaluation: its scores and answers, every revision, disputes, and the next step for the viewer. */
export function EvaluationDetail({ evaluationId, viewer, onClose }: Props) {
  const { t } = useTranslation();
  const evaluation = useEvaluation(evaluationId);
  const version = useScorecardVersion(evaluation?.versionId);
  const review = useContactReview(evaluation?.contactId ?? '');
  const agents = useAgents();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (evaluation && !version) void loadScorecardVersion(evaluation.versionId).catch(() => undefined);
  }, [evaluation, version]);

  if (!evaluation || !version) return <Text c="gray.7">{t('common.loading')}</Text>;
  const nameOf = (id: string) => personName(evaluation, id, agents?.find((a) => a.id === id)?.displayName);

  const acknowledge = async () => {
    setError(null);
    try {
      await runCoachingCommand(
        { type: COACHING_COMMAND_TYPES.acknowledgeEvaluation, payload: { evaluationId } },
        storeEvaluation,
      );
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };
  const isReleased = evaluation.state === 'released';
  const canFollowUp =
    viewer === 'coach' && ['released', 'acknowledged', 'resolved'].includes(evaluation.state);

  return (
    <Stack gap="md">
      <Anchor component="button" size="sm" ta="left" onClick={onClose}>
        ← {t('qa.workspace.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{t('qa.detail.title', { agent: nameOf(evaluation.agentId) })}</Title>
        <Badge variant="outline">{`${version.name} · v${version.number}`}</Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {t('qa.detail.byCoach', {
          coach: nameOf(evaluation.authorId),
          at: new Date(evaluation.createdAt).toLocaleString(),
        })}
      </Text>
      <EvaluationStatus evaluation={evaluation} />
      <ScoreSummary content={version} score={storedScore(evaluation)} label={t('qa.detail.scores')} />
      <SelfAssessmentBeside evaluation={evaluation} content={version} />
      {evaluation.disputes.length > 0 && (
        <Stack gap={4} component="section" aria-label={t('qa.detail.disputes')}>
          <Title order={4}>{t('qa.detail.disputes')}</Title>
          {evaluation.disputes.map((d) => (
            <Alert
              key={d.key}
              p="xs"
              color={d.decision === 'accepted' ? 'green' : d.decision ? 'gray' : 'orange'}
            >
              {version.sections.flatMap((s) => s.criteria).find((c) => c.key === d.key)?.label ?? d.key}:{' '}
              {d.reason}
              {d.decision && ` — ${t(`qa.resolve.decided.${d.decision}`)}`}
            </Alert>
          ))}
        </Stack>
      )}
      {viewer === 'agent' && isReleased && (
        <Stack gap="sm">
          <Button w="fit-content" onClick={() => void acknowledge()}>
            {t('qa.detail.acknowledge')}
          </Button>
          <DisputeForm evaluationId={evaluation.id} content={version} />
        </Stack>
      )}
      {viewer === 'coach' && evaluation.state === 'disputed' && (
        <ResolveForm evaluation={evaluation} content={version} />
      )}
      {canFollowUp && <FollowUpForm evaluation={evaluation} content={version} />}
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
      <RevisionHistory evaluation={evaluation} nameOf={nameOf} />
      <EvaluationForm
        content={version}
        answers={evaluation.answers}
        channel={evaluation.channel}
        moments={review.moments}
        readOnly
      />
    </Stack>
  );
}
