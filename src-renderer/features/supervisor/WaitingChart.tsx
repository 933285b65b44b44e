import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { QueueBoardRow } from './queue-board';

const ROW_HEIGHT = 36;

/**
 * Contacts waiting per queue as horizontal bars, so every queue's name fits (loaded lazily: the
 * charts library is large).
 */
export function WaitingChart({ rows }: { rows: QueueBoardRow[] }) {
  const { t } = useTranslation();
  return (
    <BarChart
      h={Math.max(160, rows.length * ROW_HEIGHT + 40)}
      data={rows.map((r) => ({ queue: r.name, waiting: r.waiting }))}
      dataKey="queue"
      orientation="vertical"
      series={[{ name: 'waiting', label: t('queueBoard.waiting'), color: 'indigo.6' }]}
      xAxisProps={{ allowDecimals: false }}
      yAxisProps={{ width: 150, interval: 0 }}
      gridAxis="x"
      aria-label={t('queueBoard.chartLabel')}
    />
  );
}
