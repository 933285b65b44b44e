import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { DayPoint } from './board-history';

/**
 * Contacts waiting (left axis) and the service level so far today (right axis, %), one point a
 * minute since the board opened, extended live (loaded lazily: the charts library is large).
 */
export function DayChart({ points }: { points: DayPoint[] }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <LineChart
      h={220}
      data={points.map((p) => ({ at: time.format(p.at), waiting: p.waiting, serviceLevel: p.serviceLevel }))}
      dataKey="at"
      series={[
        { name: 'waiting', label: t('board.chartWaiting'), color: 'indigo.6' },
        { name: 'serviceLevel', label: t('board.chartServiceLevel'), color: 'teal.6', yAxisId: 'right' },
      ]}
      withRightYAxis
      rightYAxisProps={{ domain: [0, 100] }}
      yAxisProps={{ allowDecimals: false }}
      withLegend
      connectNulls
      curveType="linear"
      withDots={points.length < 30}
      aria-label={t('board.chartLabel')}
    />
  );
}
