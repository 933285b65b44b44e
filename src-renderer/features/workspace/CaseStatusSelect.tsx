import { Badge, Group, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_TRANSITIONS } from '../../../src-shared/domain/case-flow';
import type { CaseSummary } from '../../../src-shared/protocol/entities';
import { CaseStatus } from '../../../src-shared/protocol/entities';
import { serverCaseOf } from '../../data/case-status-conflict';
import { useOutboxEntry, usePendingWrite } from '../../data/outbox-hooks';
import { discardOutboxEntry } from '../../data/outbox-repository';
import { queueCaseStatus } from '../../data/pending-writes';
import { kickOutbox } from '../../sync/outbox-drainer';
import { CaseStatusConflict } from './CaseStatusConflict';
import { RefusedChange } from './RefusedChange';

/**
 * Moves the case along its flow: the current status and only the moves the server allows from it.
 * A move is saved on this computer with the case version it was made on and sent through the
 * outbox, online or not; until the server takes it the select shows it as pending.
 */
export function CaseStatusSelect({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const write = usePendingWrite('case-status', summary.id);
  const mine = write?.kind === 'case-status' ? write : undefined;
  const entry = useOutboxEntry(mine?.commandId);
  const shown = mine?.payload.status ?? summary.status;
  const server = serverCaseOf(entry);
  const isStuck = entry?.status === 'failed' || entry?.status === 'conflict';
  const options = [shown, ...CASE_TRANSITIONS[shown]].map((status) => ({
    value: status,
    label: t(`case.statuses.${status}`),
  }));

  async function move(value: string) {
    const status = CaseStatus.parse(value);
    // Back to where the server is, before the change was sent: nothing to send at all.
    if (mine && entry?.attempts === 0 && status === summary.status) return discardOutboxEntry(mine.commandId);
    await queueCaseStatus(summary, { caseId: summary.id, status });
    kickOutbox();
  }

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end">
        <NativeSelect
          size="xs"
          label={t('caseFlow.status')}
          data={options}
          value={shown}
          disabled={isStuck || options.length === 1}
          onChange={(e) => void move(e.currentTarget.value)}
          data-testid="case-status"
        />
        {entry?.status === 'pending' && (
          <Badge color="orange" variant="light" data-testid="case-status-pending">
            {t('offline.pending')}
          </Badge>
        )}
      </Group>
      {mine && server && (
        <CaseStatusConflict commandId={mine.commandId} mine={mine.payload.status} server={server} />
      )}
      {entry && isStuck && !server && (
        <RefusedChange message={entry.problem?.message ?? ''} commandId={entry.commandId} />
      )}
    </Stack>
  );
}
