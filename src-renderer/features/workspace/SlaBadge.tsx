import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { slaState } from '../../../src-shared/domain/case-sla';
import type { CaseSummary } from '../../../src-shared/protocol/entities';
import { formatDuration } from '../../ui/format-duration';
import { useNow } from '../../ui/use-now';

/** The case's SLA clock: time left (green, orange in the last hour), breached (red), or stopped. */
export function SlaBadge({ summary }: { summary: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1_000);
  if (!summary.slaDueAt) return null;
  const state = slaState(summary.status, summary.slaDueAt, now);
  const due = new Date(summary.slaDueAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const [color, text] =
    state.kind === 'running'
      ? [
          state.msLeft < 3_600_000 ? 'orange' : 'green',
          t('caseFlow.slaLeft', { time: formatDuration(state.msLeft) }),
        ]
      : state.kind === 'breached'
        ? ['red', t('caseFlow.slaBreached', { time: formatDuration(state.msOver) })]
        : ['gray', t('caseFlow.slaStopped')];
  return (
    <Tooltip label={t('caseFlow.slaDue', { date: due })}>
      <Badge color={color} variant="light" data-testid="case-sla" data-sla={state.kind}>
        {text}
      </Badge>
    </Tooltip>
  );
}
