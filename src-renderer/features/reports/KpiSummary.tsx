import { Badge, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiMeasuresView } from '../../../src-shared/protocol/kpi-report';

const CARDS = [
  'serviceLevelPercent',
  'asaSeconds',
  'ahtSeconds',
  'abandonmentRatePercent',
  'firstContactResolutionPercent',
  'occupancyPercent',
  'availabilityPercent',
  'callbackPunctualityPercent',
  'csatTopBoxPercent',
  'qaScorePercent',
] as const satisfies readonly (keyof KpiMeasuresView)[];

/** A figure rounded for reading; an em dash when there is nothing to measure. */
export const shown = (value: number | null): string =>
  value === null ? '—' : String(Math.round(value * 10) / 10);

/** The whole range's headline measures, each with what it stands on and a "too few" mark. */
export function KpiSummary({ total }: { total: KpiMeasuresView }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
      {CARDS.map((name) => {
        const m = total[name];
        return (
          <Paper key={name} withBorder p="sm" role="group" aria-label={t(`kpi.measures.${name}`)}>
            <Text size="xs" c="dimmed">
              {t(`kpi.measures.${name}`)}
            </Text>
            <Text fw={700} size="xl" data-testid={`kpi-${name}`}>
              {shown(m.value)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('kpi.sample', { n: m.n })}{' '}
              {m.isSmallSample && m.n > 0 && (
                <Badge size="xs" color="yellow" variant="light">
                  {t('kpi.tooFew')}
                </Badge>
              )}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
