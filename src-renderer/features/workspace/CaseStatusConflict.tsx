import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseSummary } from '../../../src-shared/protocol/entities';
import { keepMyCaseStatus, keepServerCaseStatus } from '../../data/case-status-conflict';
import { kickOutbox } from '../../sync/outbox-drainer';

/**
 * A status change made offline met a case that had moved on: both versions side by side and the
 * person's choice. Nothing is dropped or overwritten until they choose.
 */
export function CaseStatusConflict({
  commandId,
  mine,
  server,
}: {
  commandId: string;
  mine: CaseStatus;
  server: CaseSummary;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('caseFlow.conflictTitle')} data-testid="case-status-conflict" p="xs">
      <Text size="sm" data-testid="conflict-mine">
        {t('caseFlow.conflictMine', { status: t(`case.statuses.${mine}`) })}
      </Text>
      <Text size="sm" data-testid="conflict-server">
        {t('caseFlow.conflictServer', { status: t(`case.statuses.${server.status}`) })}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" onClick={() => void keepMyCaseStatus(commandId).then(kickOutbox)}>
          {t('caseFlow.keepMine')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => void keepServerCaseStatus(commandId)}>
          {t('caseFlow.keepServer')}
        </Button>
      </Group>
    </Alert>
  );
}
