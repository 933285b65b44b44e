import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { useEvaluations } from '../../data/coaching-hooks';
import { formatScore } from './format-score';

interface Props {
  evaluation: Evaluation;
  content: Pick<ScorecardContent, 'sections'>;
}

/**
 * The coach's score and the agent's own for the same contact, side by side per section: where
 * they see the call differently is the conversation to have. Shown when both are in this
 * console's cache (a coach's only once released, for the agent); a self-assessment is never
 * counted in QA scores.
 */
export function SelfAssessmentBeside({ evaluation, content }: Props) {
  const { t } = useTranslation();
  const sameContact = (useEvaluations(evaluation.agentId) ?? []).filter(
    (e) =>
      e.contactId === evaluation.contactId && e.state !== 'draft' && e.versionId === evaluation.versionId,
  );
  const coach = evaluation.kind === 'coach' ? evaluation : sameContact.find((e) => e.kind === 'coach');
  const self = evaluation.kind === 'self' ? evaluation : sameContact.find((e) => e.kind === 'self');
  if (!coach || !self || evaluation.kind === 'calibration') return null;
  const sectionOf = (e: Evaluation, key: string) => e.sections.find((s) => s.key === key)?.finalScore;
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('qa.self.beside')}>
      <Title order={4}>{t('qa.self.beside')}</Title>
      <Table data-testid="self-beside">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('qa.self.section')}</Table.Th>
            <Table.Th>{t('qa.self.coachScore')}</Table.Th>
            <Table.Th>{t('qa.self.agentScore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr fw={600}>
            <Table.Td>{t('qa.self.overall')}</Table.Td>
            <Table.Td data-testid="beside-coach">{formatScore(coach.finalScore)}</Table.Td>
            <Table.Td data-testid="beside-self">{formatScore(self.finalScore)}</Table.Td>
          </Table.Tr>
          {content.sections.map((section) => (
            <Table.Tr key={section.key}>
              <Table.Td>{section.title}</Table.Td>
              <Table.Td>{formatScore(sectionOf(coach, section.key))}</Table.Td>
              <Table.Td>{formatScore(sectionOf(self, section.key))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7">
        {t('qa.self.notCounted')}
      </Text>
    </Paper>
  );
}
