import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { FormScore } from '../../../src-shared/domain/coaching/scoring';
import { formatScore } from './format-score';

interface Props {
  content: Pick<ScorecardContent, 'sections'>;
  score: Pick<FormScore, 'raw' | 'final' | 'max' | 'criticalFailures'> & {
    sections: { key: string; raw: number | null; final: number | null }[];
  };
  /** Names the summary for screen readers, e.g. "Live score" or "Revision 2". */
  label: string;
}

/** Raw and final score side by side, per section, and the critical failures that set a 0. */
export function ScoreSummary({ content, score, label }: Props) {
  const { t } = useTranslation();
  const titleOf = (key: string) => content.sections.find((s) => s.key === key)?.title ?? key;
  const labelOf = (key: string) =>
    content.sections.flatMap((s) => s.criteria).find((c) => c.key === key)?.label ?? key;
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Group gap="xl">
        <div>
          <Text size="xs" c="gray.7">
            {t('qa.score.final')}
          </Text>
          <Text size="xl" fw={700} data-testid="final-score">
            {formatScore(score.final)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="gray.7">
            {t('qa.score.raw')}
          </Text>
          <Text size="xl" data-testid="raw-score">
            {formatScore(score.raw)}
          </Text>
        </div>
        <Text size="sm" c="gray.7">
          {t('qa.score.outOf', { max: score.max })}
        </Text>
      </Group>
      {score.criticalFailures.map((failure) => (
        <Alert key={failure.key} color="red" variant="light" p="xs">
          {t(`qa.score.criticalFailed.${failure.effect}`, {
            label: labelOf(failure.key),
            section: titleOf(failure.sectionKey),
          })}
        </Alert>
      ))}
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qa.score.section')}</Table.Th>
            <Table.Th>{t('qa.score.raw')}</Table.Th>
            <Table.Th>{t('qa.score.final')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {score.sections.map((section) => (
            <Table.Tr key={section.key}>
              <Table.Td>{titleOf(section.key)}</Table.Td>
              <Table.Td>{formatScore(section.raw)}</Table.Td>
              <Table.Td>{formatScore(section.final)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
