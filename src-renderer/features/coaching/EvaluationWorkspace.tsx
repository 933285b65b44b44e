import { Alert, Anchor, Badge, Button, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerError } from '../../../src-shared/domain/coaching/answers';
import { validateAnswers } from '../../../src-shared/domain/coaching/answers';
import { scoreForm } from '../../../src-shared/domain/coaching/scoring';
import { useEvaluation, usePublishedVersions } from '../../data/coaching-hooks';
import { answersWithValue } from './answer-edits';
import { ContactTimeline } from './ContactTimeline';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationStatus } from './EvaluationStatus';
import { MonitorControls } from './MonitorControls';
import { ScoreSummary } from './ScoreSummary';
import { useContactReview } from './use-contact-review';
import { useEvaluationDraft } from './use-evaluation-draft';

interface Props {
  contactId: string;
  /** Set when scoring for a calibration session (blind, never released). */
  calibrationId?: string | null;
  /** The version a calibration session pins. */
  versionId?: string;
  /** An agent scoring their own contact: its own kind, shown beside the coach's, never in QA scores. */
  isSelfAssessment?: boolean;
  onClose(): void;
}

/**
 * Where a coach scores one contact: the contact (live or closed) on the left with every moment
 * a comment can point at, the form with its live score on the right. Drafts save as they type.
 */
export function EvaluationWorkspace({
  contactId,
  calibrationId = null,
  versionId,
  isSelfAssessment = false,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const review = useContactReview(contactId);
  const versions = usePublishedVersions();
  const [chosenId, setChosenId] = useState<string | null>(versionId ?? null);
  const version = versions?.find((v) => v.id === (chosenId ?? versions[0]?.id));
  const editor = useEvaluationDraft(contactId, version, calibrationId, isSelfAssessment);
  const sent = useEvaluation(editor.draft?.evaluationId ?? null);
  const [problems, setProblems] = useState<AnswerError[]>([]);
  const channel = review.contact?.channel;
  const answers = useMemo(() => answersWithValue(editor.draft?.answers ?? []), [editor.draft]);
  const score = useMemo(
    () => (version ? scoreForm(version, answers, channel ? { channel } : {}) : null),
    [version, answers, channel],
  );
  const isSubmitted = editor.draft?.submittedAt != null || (sent !== undefined && sent.state !== 'draft');

  const submit = async () => {
    if (!version || !editor.draft) return;
    const found = validateAnswers(version, answers, { complete: true, ...(channel ? { channel } : {}) });
    setProblems(found);
    if (found.length === 0) await editor.submit();
  };

  return (
    <Stack gap="md">
      <Anchor component="button" size="sm" ta="left" onClick={onClose}>
        ← {t('qa.workspace.back')}
      </Anchor>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          {review.failed && <Alert color="yellow">{t('qa.workspace.contactUnavailable')}</Alert>}
          {review.contact && (
            <Stack gap="sm">
              <ContactTimeline contact={review.contact} moments={review.moments} isLive={review.isLive} />
              {review.isLive && review.contact.channel === 'phone' && !isSelfAssessment && (
                <MonitorControls contactId={review.contact.id} />
              )}
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-end">
              <Title order={2}>{t(workspaceTitle(calibrationId, isSelfAssessment))}</Title>
              {calibrationId && <Badge color="grape">{t('qa.workspace.blind')}</Badge>}
            </Group>
            {!versionId && (
              <Select
                label={t('qa.workspace.scorecard')}
                data={(versions ?? []).map((v) => ({ value: v.id, label: `${v.name} · v${v.number}` }))}
                value={version?.id ?? null}
                allowDeselect={false}
                disabled={isSubmitted || (editor.draft?.answers.length ?? 0) > 0}
                onChange={setChosenId}
              />
            )}
            {versions && versions.length === 0 && (
              <Alert color="yellow">{t('qa.workspace.noScorecard')}</Alert>
            )}
            {version && score && (
              <ScoreSummary content={version} score={score} label={t('qa.workspace.liveScore')} />
            )}
            {sent && <EvaluationStatus evaluation={sent} />}
            {isSelfAssessment && <Text size="sm">{t('qa.self.hint')}</Text>}
            {!sent && isSubmitted && <Text c="gray.7">{t('qa.workspace.waitingToSend')}</Text>}
            {version && editor.draft && (
              <>
                <EvaluationForm
                  content={version}
                  answers={editor.draft.answers}
                  {...(channel ? { channel } : {})}
                  problems={problems}
                  moments={review.moments}
                  readOnly={isSubmitted}
                  onChange={(next) => {
                    editor.setAnswers(next);
                    if (problems.length) setProblems([]);
                  }}
                />
                {problems.length > 0 && (
                  <Alert color="red" role="alert">
                    {t('qa.workspace.fixBeforeSubmit', { count: problems.length })}
                  </Alert>
                )}
                {!isSubmitted && (
                  <Group>
                    <Button onClick={() => void submit()}>{t('qa.workspace.submit')}</Button>
                    <Text size="sm" c="gray.7" aria-live="polite">
                      {editor.draft.updatedAt ? t('qa.workspace.draftSaved') : ''}
                    </Text>
                  </Group>
                )}
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function workspaceTitle(calibrationId: string | null, isSelfAssessment: boolean) {
  if (calibrationId) return 'qa.workspace.calibrationTitle' as const;
  return isSelfAssessment ? ('qa.self.title' as const) : ('qa.workspace.title' as const);
}
