import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiReportResponse } from '../../../src-shared/protocol/kpi-report';
import type { KpiReports } from './use-kpi-reports';

const value = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" role="figure" aria-label={title}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function backlogData(
  backlog: KpiReportResponse['backlog'],
  label: (from: number, to: number | null) => string,
) {
  return backlog.buckets.map((b) => ({ bucket: label(b.fromDays, b.toDays), cases: b.count }));
}

/** Service level over the last day, AHT trend, CSAT and QA trend, backlog aging. */
export function KpiCharts({ reports }: { reports: KpiReports }) {
  const { t } = useTranslation();
  const overDay = reports.lastDay.rows.map((r) => ({
    time: r.period.slice(11, 16),
    sl: value(r.measures.serviceLevelPercent.value),
    offered: r.measures.offered.value ?? 0,
    abandoned: r.measures.abandoned.value ?? 0,
  }));
  const trend = reports.daily.rows.map((r) => ({
    day: r.period.slice(5),
    aht: value(r.measures.ahtSeconds.value),
    csat: value(r.measures.csatTopBoxPercent.value),
    qa: value(r.measures.qaScorePercent.value),
  }));
  const bucketLabel = (from: number, to: number | null) =>
    to === null ? t('kpi.backlogOpenEnded', { from }) : t('kpi.backlogBucket', { from, to });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartCard title={t('kpi.charts.serviceLevelDay', { day: reports.lastDay.from })}>
        <LineChart
          h={220}
          data={overDay}
          dataKey="time"
          connectNulls
          withLegend
          series={[
            { name: 'sl', label: t('kpi.measures.serviceLevelPercent'), color: 'indigo.6' },
            { name: 'offered', label: t('kpi.measures.offered'), color: 'teal.6' },
            { name: 'abandoned', label: t('kpi.measures.abandoned'), color: 'red.6' },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('kpi.charts.ahtTrend')}>
        <LineChart
          h={220}
          data={trend}
          dataKey="day"
          connectNulls
          series={[{ name: 'aht', label: t('kpi.measures.ahtSeconds'), color: 'grape.6' }]}
        />
      </ChartCard>
      <ChartCard title={t('kpi.charts.qualityTrend')}>
        <LineChart
          h={220}
          data={trend}
          dataKey="day"
          connectNulls
          withLegend
          series={[
            { name: 'csat', label: t('kpi.measures.csatTopBoxPercent'), color: 'orange.6' },
            { name: 'qa', label: t('kpi.measures.qaScorePercent'), color: 'cyan.6' },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('kpi.charts.backlog')}>
        <BarChart
          h={220}
          data={backlogData(reports.table.backlog, bucketLabel)}
          dataKey="bucket"
          series={[{ name: 'cases', label: t('kpi.charts.backlog'), color: 'yellow.7' }]}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
