import { useEffect, useState } from 'react';
import type { KpiReportResponse } from '../../../src-shared/protocol/kpi-report';
import { fetchKpiReport } from '../../sync/remote-reads';
import { queryOf, type KpiFilters } from './kpi-query';

/** The three reads the screen shows: the table's, the daily trend, and the last day by 15 minutes. */
export interface KpiReports {
  table: KpiReportResponse;
  daily: KpiReportResponse;
  lastDay: KpiReportResponse;
}

export function useKpiReports(filters: KpiFilters): { reports: KpiReports | null; error: string | null } {
  const [reports, setReports] = useState<KpiReports | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([
      fetchKpiReport(queryOf(filters)),
      fetchKpiReport(queryOf(filters, { interval: 'day', groupBy: 'none' })),
      fetchKpiReport(queryOf(filters, { from: filters.to, interval: '15m', groupBy: 'none' })),
    ]).then(
      ([table, daily, lastDay]) => {
        if (!current) return;
        setError(null);
        setReports({ table, daily, lastDay });
      },
      (err: unknown) => current && setError((err as Error).message),
    );
    return () => {
      current = false;
    };
  }, [filters]);
  return { reports, error };
}
