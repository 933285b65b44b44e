import { Alert, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { CalibrationReport } from '../../../src-shared/protocol/coaching-calibration';

const VERDICT_COLOR = {
  reliable: 'green',
  tentative: 'yellow',
  unreliable: 'red',
  not_enough_data: 'gray',
} as const;

function formatAlpha(alpha: number | null): string {
  return alpha === null ? '–' : alpha.toFixed(3);
}

interface Props {
  report: CalibrationReport;
  content: Pick<ScorecardContent, 'sections'>;
  nameOf(id: string): string;
}

/** The calibration report: how far coaches agree (Krippendorff's alpha), who deviates, and what it means. */
export function CalibrationReportView({ report, content, nameOf }: Props) {
  const { t } = useTranslation();
  const labelOf = (key: string) =>
    content.sections.flatMap((s) => s.criteria).find((c) => c.key === key)?.label ?? key;
  const { verdict } = report;
  return (
    <Stack gap="md" component="section" aria-label={t('qa.calibration.report')}>
      <Title order={3}>{t('qa.calibration.report')}</Title>
      <Alert
        color={VERDICT_COLOR[verdict.level]}
        title={t(`qa.calibration.verdicts.${verdict.level}`)}
        data-testid="verdict"
      >
        <Text size="sm">
          {t(`qa.calibration.reasons.${verdict.reason}`, { alpha: formatAlpha(verdict.alpha) })}
        </Text>
        {verdict.weakest.length > 0 && (
          <Text size="sm">
            {t('qa.calibration.startWith', {
              criteria: verdict.weakest.map((w) => `${labelOf(w.key)} (${formatAlpha(w.alpha)})`).join(', '),
            })}
          </Text>
        )}
      </Alert>
      <Group gap="xl">
        <div>
          <Text size="xs" c="gray.7">
            {t('qa.calibration.overallAlpha')}
          </Text>
          <Text size="xl" fw={700} data-testid="overall-alpha">
            {formatAlpha(report.alpha.overall)}
          </Text>
          <Text size="xs">
            {t('qa.calibration.metric', { metric: t(`qa.calibration.metrics.${report.metric.overall}`) })}
          </Text>
        </div>
        <Text size="sm" c="gray.7">
          {t('qa.calibration.sample', report.sample)}
        </Text>
      </Group>
      <Table aria-label={t('qa.calibration.byCriterion')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qa.calibration.criterion')}</Table.Th>
            <Table.Th>{t('qa.calibration.alpha')}</Table.Th>
            <Table.Th>{t('qa.calibration.metricColumn')}</Table.Th>
            <Table.Th>{t('qa.calibration.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(report.alpha.byCriterion).map(([key, alpha]) => (
            <Table.Tr key={key}>
              <Table.Td>{labelOf(key)}</Table.Td>
              <Table.Td>{formatAlpha(alpha)}</Table.Td>
              <Table.Td>
                {t(`qa.calibration.metrics.${report.metric.byCriterion[key] ?? 'nominal'}`)}
              </Table.Td>
              <Table.Td>
                {report.undefinedReasons.byCriterion[key]
                  ? t(`qa.calibration.undefined.${report.undefinedReasons.byCriterion[key]}`)
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>
        {t('qa.calibration.raters', { reference: t(`qa.calibration.references.${report.reference}`) })}
      </Title>
      <Table aria-label={t('qa.calibration.ratersTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qa.calibration.coach')}</Table.Th>
            <Table.Th>{t('qa.calibration.deviation')}</Table.Th>
            <Table.Th>{t('qa.calibration.compared')}</Table.Th>
            <Table.Th>{t('qa.calibration.naMismatches')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.raters.map((r) => (
            <Table.Tr key={r.coachId}>
              <Table.Td>{nameOf(r.coachId)}</Table.Td>
              <Table.Td>
                {r.deviation === null ? '–' : t('qa.calibration.points', { points: r.deviation.toFixed(1) })}
              </Table.Td>
              <Table.Td>{r.compared}</Table.Td>
              <Table.Td>
                {r.naMismatches > 0 ? <Badge color="orange">{r.naMismatches}</Badge> : r.naMismatches}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
