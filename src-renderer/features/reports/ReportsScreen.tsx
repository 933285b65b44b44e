import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type VolumeDay } from '../../../src-shared/protocol/entities';
import { fetchVolume } from '../../sync/remote-reads';
import { channelTotals, volumeCsv } from './volume-csv';
import { KpiReport } from './KpiReport';

const DAYS = 30;
const COLORS = {
  phone: 'indigo.6',
  email: 'teal.6',
  web: 'orange.6',
  chat: 'grape.6',
  callback: 'cyan.6',
} as const;

/** Contacts per day per channel over the last 30 days: chart, totals, CSV. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const [days, setDays] = useState<VolumeDay[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    fetchVolume(DAYS).then(
      (result) => current && setDays(result),
      (err: unknown) => current && setError((err as Error).message),
    );
    return () => {
      current = false;
    };
  }, []);

  function download() {
    if (!days) return;
    const url = URL.createObjectURL(new Blob([volumeCsv(days)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `contacts-per-day-${days[0]?.day ?? ''}-${days.at(-1)?.day ?? ''}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const totals = days ? channelTotals(days) : null;
  return (
    <Stack>
      <KpiReport />
      <Stack className="kpi-no-print">
        <Group justify="space-between">
          <div>
            <Title order={2}>{t('reports.title')}</Title>
            <Text c="dimmed">{t('reports.period', { days: DAYS })}</Text>
          </div>
          <Button onClick={download} disabled={!days}>
            {t('reports.downloadCsv')}
          </Button>
        </Group>
        {error && <Alert color="red">{t('reports.loadFailed', { reason: error })}</Alert>}
        {!days && !error && <Loader />}
        {totals && (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            {CHANNELS.map((c) => (
              <Paper key={c} withBorder p="sm" data-testid={`total-${c}`}>
                <Text size="xs" c="dimmed">
                  {t(`reports.channels.${c}`)}
                </Text>
                <Text fw={700} size="xl">
                  {totals[c]}
                </Text>
              </Paper>
            ))}
            <Paper withBorder p="sm" data-testid="total-all">
              <Text size="xs" c="dimmed">
                {t('reports.total')}
              </Text>
              <Text fw={700} size="xl">
                {CHANNELS.reduce((sum, c) => sum + totals[c], 0)}
              </Text>
            </Paper>
          </SimpleGrid>
        )}
        {days && (
          <Paper withBorder p="md">
            <BarChart
              h={360}
              data={days.map((d) => ({ ...d, day: d.day.slice(5) }))}
              dataKey="day"
              type="stacked"
              withLegend
              series={CHANNELS.map((c) => ({
                name: c,
                label: t(`reports.channels.${c}`),
                color: COLORS[c],
              }))}
            />
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}
