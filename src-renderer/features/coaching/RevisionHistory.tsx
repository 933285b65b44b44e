import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { formatScore } from './format-score';

/** Every revision of an evaluation, the current one last: a re-score never hides the first. */
export function RevisionHistory({
  evaluation,
  nameOf,
}: {
  evaluation: Evaluation;
  nameOf(id: string): string;
}) {
  const { t } = useTranslation();
  const rows = [
    ...evaluation.history,
    {
      revision: evaluation.revision,
      authorId: evaluation.authorId,
      at: evaluation.updatedAt,
      reason: '',
      rawScore: evaluation.rawScore,
      finalScore: evaluation.finalScore,
    },
  ];
  return (
    <section aria-label={t('qa.detail.revisions')}>
      <Title order={4}>{t('qa.detail.revisions')}</Title>
      <Table data-testid="revisions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qa.detail.revisionColumn')}</Table.Th>
            <Table.Th>{t('qa.detail.by')}</Table.Th>
            <Table.Th>{t('qa.score.raw')}</Table.Th>
            <Table.Th>{t('qa.score.final')}</Table.Th>
            <Table.Th>{t('qa.detail.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.revision}>
              <Table.Td>
                {t('qa.detail.revision', { n: row.revision })}
                {row.revision === evaluation.revision && (
                  <Text span size="xs" c="gray.7">
                    {' '}
                    ({t('qa.detail.current')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{nameOf(row.authorId)}</Table.Td>
              <Table.Td>{formatScore(row.rawScore)}</Table.Td>
              <Table.Td>{formatScore(row.finalScore)}</Table.Td>
              <Table.Td>{row.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
