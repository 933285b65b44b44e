import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { jumpContact } from '../../sync/supervisor-api';
import { ImpactPanel } from './ImpactPanel';
import { useImpact } from './use-impact';

/** "Jump this customer ahead": what it costs the others first, then the supervisor confirms. */
export function JumpDialog({
  contact,
  nameOf,
  onClose,
}: {
  contact: Contact;
  nameOf: (contactId: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const impact = useImpact(contact.id, { action: 'jump' });
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  async function confirm() {
    setSending(true);
    try {
      await jumpContact(contact.id);
      onClose();
    } catch (err) {
      setProblem(t('reassign.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSending(false);
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reassign.jumpTitle', { subject: nameOf(contact.id) })}
      size="lg"
    >
      <Stack>
        {impact && <ImpactPanel state={impact} nameOf={nameOf} />}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            loading={isSending}
            disabled={!impact || impact.kind === 'loading'}
            onClick={() => void confirm()}
          >
            {t('reassign.confirmJump')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
