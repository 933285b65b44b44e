import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseCsat } from '../../data/case-hooks';

/** The customer's answer to the satisfaction survey of the case: rating, comment and when. */
export function CaseCsatPanel({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const csat = useCaseCsat(caseId);
  if (!csat) return null;
  const date = new Date(csat.answeredAt).toLocaleString(i18n.language);
  return (
    <Paper withBorder p="xs" component="section" aria-labelledby="case-csat-title" data-testid="case-csat">
      <Text size="sm" fw={600} id="case-csat-title">
        {t('csat.title')}
      </Text>
      <Group gap="xs" align="center">
        <Text c="yellow.7" aria-hidden>
          {'★'.repeat(csat.rating) + '☆'.repeat(5 - csat.rating)}
        </Text>
        <Text
          size="sm"
          fw={600}
          data-testid="case-csat-rating"
          title={t('csat.ratingLabel', { rating: csat.rating })}
        >
          {t('csat.rating', { rating: csat.rating })}
        </Text>
      </Group>
      <Text size="sm" c={csat.comment ? undefined : 'dimmed'} data-testid="case-csat-comment">
        {csat.comment || t('csat.noComment')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('csat.answeredAt', { date })}
      </Text>
    </Paper>
  );
}
