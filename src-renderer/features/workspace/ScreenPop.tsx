import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store';
import { CaseView } from './CaseView';
import { CustomerPanel } from './CustomerPanel';
import { useRestoredPop } from './use-restored-pop';

/** The "Screen pop" region: the open customer, or one of their cases. */
export function ScreenPop() {
  const { t } = useTranslation();
  const customerId = useAppStore((s) => s.selectedCustomerId);
  const caseId = useAppStore((s) => s.selectedCaseId);
  useRestoredPop();
  return (
    <Paper withBorder p="md" role="region" aria-label={t('pop.region')} mih={300}>
      {caseId ? (
        <CaseView caseId={caseId} />
      ) : customerId ? (
        <CustomerPanel customerId={customerId} />
      ) : (
        <Text c="dimmed">{t('pop.empty')}</Text>
      )}
    </Paper>
  );
}
