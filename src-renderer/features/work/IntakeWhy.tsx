import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { useQueue } from '../../data/directory-hooks';
import { intakeWhy } from './intake-why';

/** "Why this queue" for one contact, in plain words; nothing when no reason was recorded. */
export function IntakeWhy({ contact }: { contact: Pick<Contact, 'queueId' | 'intakeReasons'> }) {
  const { t } = useTranslation();
  const queue = useQueue(contact.queueId);
  const text = intakeWhy(contact, queue?.name ?? contact.queueId, t);
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" truncate data-testid="intake-why">
      {t('intakeWhy.label')}: {text}
    </Text>
  );
}
