import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TRANSITIONS } from '../../../src-shared/domain/case-flow';
import type { CaseSummary } from '../../../src-shared/protocol/entities';
import { CaseStatus } from '../../../src-shared/protocol/entities';
import { applyCaseAnswer } from '../../data/sync-repository';
import { runOnlineCommand } from '../../sync/online-command';
import { commandFailure } from '../work/contact-commands';

/** Moves the case along its flow: the current status and only the moves the server allows from it. */
export function CaseStatusSelect({ summary }: { summary: CaseSummary }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const options = [summary.status, ...CASE_TRANSITIONS[summary.status]].map((status) => ({
    value: status,
    label: t(`case.statuses.${status}`),
  }));

  async function move(value: string) {
    const status = CaseStatus.parse(value);
    setPending(true);
    try {
      await applyCaseAnswer(
        await runOnlineCommand({ type: 'case:set-status', payload: { caseId: summary.id, status } }),
      );
    } catch (err) {
      notifications.show({ color: 'red', message: t('caseFlow.failed', { reason: commandFailure(err, t) }) });
    } finally {
      setPending(false);
    }
  }

  return (
    <NativeSelect
      size="xs"
      label={t('caseFlow.status')}
      data={options}
      value={summary.status}
      disabled={pending || options.length === 1}
      onChange={(e) => void move(e.currentTarget.value)}
      data-testid="case-status"
    />
  );
}
