import { Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fetchAgentContacts } from '../../sync/coaching-reads';
import { useLiveRead } from './use-live-read';

interface Props {
  agentId: string;
  onPick(contactId: string): void;
}

/** An agent picks one of their closed contacts to score themselves on the same form as a coach. */
export function SelfAssessmentPicker({ agentId, onPick }: Props) {
  const { t } = useTranslation();
  const contacts = useLiveRead(() => fetchAgentContacts(agentId, 'closed'), agentId);
  const closed = contacts.data ?? [];
  return (
    <section aria-label={t('qa.self.pickTitle')}>
      <Title order={3}>{t('qa.self.pickTitle')}</Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('qa.self.pickHint')}
      </Text>
      <Select
        label={t('qa.self.pickContact')}
        placeholder={contacts.failed ? t('qa.loadFailed') : undefined}
        data={closed.map((c) => ({
          value: c.id,
          label: `${new Date(c.createdAt).toLocaleString()} · ${t(`reports.channels.${c.channel}`)} · ${c.subject || c.from}`,
        }))}
        value={null}
        onChange={(id) => id && onPick(id)}
      />
    </section>
  );
}
