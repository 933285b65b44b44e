import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { formatScore } from './format-score';

interface Props {
  evaluations: readonly Evaluation[];
  nameOf(id: string): string;
  onOpen(evaluationId: string): void;
  label: string;
}

/** Evaluations with where each stands and its scores, final beside raw. */
export function EvaluationsTable({ evaluations, nameOf, onOpen, label }: Props) {
  const { t } = useTranslation();
  const agentOf = (e: Evaluation) => e.names?.[e.agentId] ?? nameOf(e.agentId);
  if (evaluations.length === 0) return <Text c="gray.7">{t('qa.evaluations.none')}</Text>;
  return (
    <Table aria-label={label} data-testid="evaluations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('qa.evaluations.agent')}</Table.Th>
          <Table.Th>{t('qa.evaluations.kind')}</Table.Th>
          <Table.Th>{t('qa.evaluations.state')}</Table.Th>
          <Table.Th>{t('qa.score.final')}</Table.Th>
          <Table.Th>{t('qa.score.raw')}</Table.Th>
          <Table.Th>{t('qa.evaluations.updated')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {evaluations.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{agentOf(e)}</Table.Td>
            <Table.Td>{t(`qa.kinds.${e.kind}`)}</Table.Td>
            <Table.Td>
              <Badge variant="light">{t(`qa.states.${e.state}`)}</Badge>
            </Table.Td>
            <Table.Td>{formatScore(e.finalScore)}</Table.Td>
            <Table.Td>{formatScore(e.rawScore)}</Table.Td>
            <Table.Td>{new Date(e.updatedAt).toLocaleString()}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="light"
                onClick={() => onOpen(e.id)}
                aria-label={t('qa.evaluations.openFor', {
                  agent: agentOf(e),
                  state: t(`qa.states.${e.state}`),
                })}
              >
                {t('qa.evaluations.open')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
