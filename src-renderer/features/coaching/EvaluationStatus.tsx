import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { ReleaseControls } from './ReleaseControls';

/** Where an evaluation stands, and releasing it when that is the next step. */
export function EvaluationStatus({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const scheduled = evaluation.state === 'submitted' && evaluation.releaseAt;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge data-testid="evaluation-state" size="lg">
          {t(`qa.states.${evaluation.state}`)}
        </Badge>
        {evaluation.revision > 1 && (
          <Badge variant="outline">{t('qa.detail.revision', { n: evaluation.revision })}</Badge>
        )}
      </Group>
      {scheduled && (
        <Text size="sm">
          {t('qa.release.scheduledFor', { at: new Date(evaluation.releaseAt!).toLocaleString() })}
        </Text>
      )}
      {evaluation.kind === 'coach' && evaluation.state === 'submitted' && !scheduled && (
        <ReleaseControls evaluationId={evaluation.id} />
      )}
    </Stack>
  );
}
