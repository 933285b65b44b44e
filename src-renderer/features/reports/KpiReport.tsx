import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReportRow } from '../../../src-shared/protocol/kpi-report';
import { useQueues } from '../../data/queue-hooks';
import { useAgents, useTeams } from '../../data/directory-hooks';
import { KpiCharts } from './KpiCharts';
import { KpiFilterBar } from './KpiFilterBar';
import { KpiSummary } from './KpiSummary';
import { KpiTable } from './KpiTable';
import { kpiCsv } from './kpi-csv';
import { defaultFilters, type KpiFilters } from './kpi-query';
import { useKpiReports } from './use-kpi-reports';

/** On paper: the filters, buttons and the volume section stay off; the summary fits one page. */
const PRINT_CSS = `@media print {
  .kpi-no-print, nav, header { display: none !important; }
  .kpi-report { font-size: 10px; }
  .kpi-report .mantine-Paper-root { break-inside: avoid; }
  @page { size: A4 landscape; margin: 10mm; }
}`;

/** The KPI report: filters, headline measures, charts, a sortable table, CSV and a printable summary. */
export function KpiReport() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<KpiFilters>(defaultFilters);
  const { reports, error } = useKpiReports(filters);
  const queues = useQueues();
  const teams = useTeams();
  const agents = useAgents();
  const names = useMemo(
    () =>
      new Map<string, string>([
        ...(queues ?? []).map((q) => [q.id, q.name] as const),
        ...(teams ?? []).map((team) => [team.id, team.name] as const),
        ...(agents ?? []).map((a) => [a.id, a.displayName] as const),
      ]),
    [queues, teams, agents],
  );
  const nameOf = useCallback(
    (row: KpiReportRow): string => {
      const group = [row.queueId, row.teamId, row.agentId, row.channel].find((id) => id !== undefined);
      if (group === undefined) return t('kpi.total');
      // Queue facts (offered, abandoned) have no agent or team: they are the queue's own line.
      if (group === null) return t('kpi.queueOnly');
      return row.channel ? t(`reports.channels.${row.channel}`) : (names.get(group) ?? group);
    },
    [names, t],
  );

  function download() {
    if (!reports) return;
    const url = URL.createObjectURL(new Blob([kpiCsv(reports.table.rows, nameOf)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `kpis-${filters.from}-${filters.to}-${filters.interval}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack className="kpi-report">
      <style>{PRINT_CSS}</style>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('kpi.title')}</Title>
          <Text c="dimmed">{t('kpi.summaryTitle', { from: filters.from, to: filters.to })}</Text>
        </div>
        <Group className="kpi-no-print">
          <Button variant="default" onClick={download} disabled={!reports}>
            {t('kpi.downloadCsv')}
          </Button>
          <Button variant="default" onClick={() => window.print()} disabled={!reports}>
            {t('kpi.print')}
          </Button>
        </Group>
      </Group>
      <KpiFilterBar value={filters} onChange={setFilters} />
      {error && <Alert color="red">{t('kpi.loadFailed', { reason: error })}</Alert>}
      {!reports && !error && <Loader />}
      {reports && (
        <>
          <KpiSummary total={reports.table.total} />
          <KpiCharts reports={reports} />
          <KpiTable rows={reports.table.rows} nameOf={nameOf} />
        </>
      )}
    </Stack>
  );
}
