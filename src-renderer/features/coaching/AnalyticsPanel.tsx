import { LineChart } from '@mantine/charts';
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYTICS_DIMENSIONS, type AnalyticsDimension } from '../../../src-shared/protocol/coaching-http';
import type { SampleAverage } from '../../../src-shared/protocol/coaching-analytics';
import { fetchBeforeAfter, fetchCsat, fetchTrend } from '../../sync/coaching-reads';
import { trendChartRows, trendCsv } from './analytics-csv';
import { downloadText } from './download-text';
import { formatScore } from './format-score';
import { skillLabel } from './skill-label';
import { useLiveRead } from './use-live-read';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'red.6', 'lime.6', 'pink.6'];
const PERIODS = ['day', 'week', 'month'] as const;
type Period = (typeof PERIODS)[number];

/** An average with its sample size beside it, marked when the sample is too small to mean much. */
export function Average({ value }: { value: SampleAverage }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text span fw={500} c={value.isTooSmall ? 'dimmed' : undefined}>
        {formatScore(value.mean)}
      </Text>
      <Text span size="xs" c="gray.7">
        {t('qa.analytics.n', { n: value.n })}
      </Text>
      {value.isTooSmall && (
        <Badge size="xs" color="yellow" variant="light">
          {t('qa.analytics.tooFew')}
        </Badge>
      )}
    </Group>
  );
}

/** Quality over time per agent, team, section or skill; follow-ups before and after; QA beside CSAT. */
export function AnalyticsPanel({ nameOf }: { nameOf(id: string): string }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<AnalyticsDimension>('agent');
  const [period, setPeriod] = useState<Period>('week');
  const trend = useLiveRead(() => fetchTrend(by, period), `${by}-${period}`);
  const beforeAfter = useLiveRead(fetchBeforeAfter, 'before-after');
  const csat = useLiveRead(fetchCsat, 'csat');
  const series = trend.data?.series ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Group>
          <SegmentedControl
            aria-label={t('qa.analytics.by')}
            data={ANALYTICS_DIMENSIONS.map((d) => ({ value: d, label: t(`qa.analytics.dimensions.${d}`) }))}
            value={by}
            onChange={(value) => setBy(value as AnalyticsDimension)}
          />
          <SegmentedControl
            aria-label={t('qa.analytics.period')}
            data={PERIODS.map((p) => ({ value: p, label: t(`qa.analytics.periods.${p}`) }))}
            value={period}
            onChange={(value) => setPeriod(value as Period)}
          />
        </Group>
        <Button
          variant="default"
          disabled={!trend.data}
          onClick={() =>
            trend.data && downloadText(`quality-by-${by}-${period}.csv`, trendCsv(trend.data), 'text/csv')
          }
        >
          {t('qa.analytics.csv')}
        </Button>
      </Group>
      {trend.failed && <Alert color="yellow">{t('qa.loadFailed')}</Alert>}
      {trend.data && series.length === 0 && <Text c="gray.7">{t('qa.analytics.noData')}</Text>}
      {series.length > 0 && (
        <LineChart
          h={280}
          data={trendChartRows(trend.data!)}
          dataKey="period"
          series={series
            .slice(0, COLORS.length)
            .map((s, i) => ({ name: s.id, label: s.label, color: COLORS[i]! }))}
          yAxisProps={{ domain: [0, 100] }}
          connectNulls={false}
          withLegend
          aria-label={t('qa.analytics.chart', { by: t(`qa.analytics.dimensions.${by}`) })}
        />
      )}
      {series.length > 0 && (
        <Table aria-label={t('qa.analytics.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`qa.analytics.dimensions.${by}`)}</Table.Th>
              <Table.Th>{t('qa.analytics.overall')}</Table.Th>
              <Table.Th>{t('qa.analytics.latest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.label}</Table.Td>
                <Table.Td>
                  <Average value={s.overall} />
                </Table.Td>
                <Table.Td>{s.points.at(-1) && <Average value={s.points.at(-1)!} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <section aria-label={t('qa.analytics.followUps')}>
        <Title order={3}>{t('qa.analytics.followUps')}</Title>
        {beforeAfter.data?.tasks.length === 0 && <Text c="gray.7">{t('qa.analytics.noFollowUps')}</Text>}
        <Table aria-label={t('qa.analytics.followUps')}>
          <Table.Thead>
            <Table.Tr>
              {(['agent', 'skill', 'before', 'after', 'change'] as const).map((column) => (
                <Table.Th key={column}>{t(`qa.analytics.followUpColumns.${column}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(beforeAfter.data?.tasks ?? []).flatMap((task) =>
              task.skills.map((skill) => (
                <Table.Tr key={`${task.taskId}-${skill.skill}`}>
                  <Table.Td>{nameOf(task.agentId)}</Table.Td>
                  <Table.Td>{skillLabel(skill.skill)}</Table.Td>
                  <Table.Td>
                    <Average value={skill.before} />
                  </Table.Td>
                  <Table.Td>
                    <Average value={skill.after} />
                  </Table.Td>
                  <Table.Td>
                    {skill.change === null
                      ? '–'
                      : t('qa.analytics.change', { change: skill.change.toFixed(1) })}
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </section>
      <section aria-label={t('qa.analytics.csat')}>
        <Title order={3}>{t('qa.analytics.csat')}</Title>
        {csat.data && !csat.data.hasCsat && <Text c="gray.7">{t('qa.analytics.noCsat')}</Text>}
        {csat.data?.hasCsat && (
          <>
            <Text size="sm">
              {csat.data.correlation.defined
                ? t('qa.analytics.correlation', {
                    r: csat.data.correlation.r.toFixed(2),
                    n: csat.data.correlation.n,
                  })
                : t(`qa.analytics.noCorrelation.${csat.data.correlation.reason}`, {
                    n: csat.data.correlation.n,
                  })}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('qa.analytics.dimensions.agent')}</Table.Th>
                  <Table.Th>{t('qa.analytics.qa')}</Table.Th>
                  <Table.Th>{t('qa.analytics.csatColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {csat.data.agents.map((row) => (
                  <Table.Tr key={row.agentId}>
                    <Table.Td>{nameOf(row.agentId)}</Table.Td>
                    <Table.Td>
                      <Average value={row.qa} />
                    </Table.Td>
                    <Table.Td>
                      <Average value={row.csat} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </section>
    </Stack>
  );
}
