import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store';
import { CaseView } from './CaseView';
import { CustomerPanel } from './CustomerPanel';
import { CallerBar } from './CallerBar';
import { usePopContact, usePopOnOffer } from './use-pop-contact';
import { useRestoredPop } from './use-restored-pop';

/** The "Screen pop" region: the contact ringing or worked, then the open customer or one of their cases. */
export function ScreenPop() {
  const { t } = useTranslation();
  const customerId = useAppStore((s) => s.selectedCustomerId);
  const caseId = useAppStore((s) => s.selectedCaseId);
  useRestoredPop();
  const contact = usePopContact();
  usePopOnOffer(contact);
  return (
    <Paper withBorder p="md" role="region" aria-label={t('pop.region')} mih={300}>
      {contact && <CallerBar key={contact.id} contact={contact} />}
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
