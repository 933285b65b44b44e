import { Badge, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { TimeInState } from '../../ui/TimeInState';
import { TransferMenu } from './TransferMenu';
import { useContactCommand } from './use-contact-command';

const CALL_CHANNELS: ReadonlySet<Contact['channel']> = new Set(['phone', 'callback']);

/** Hold / Resume and Transfer for a call I am on; a held call shows "On hold" and for how long. */
export function CallControls({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { pending, run } = useContactCommand();
  if (!CALL_CHANNELS.has(contact.channel) || contact.status !== 'active') return null;
  const contactId = contact.id;
  return (
    <Group gap="xs" wrap="nowrap" data-testid="call-controls">
      {contact.heldAt && (
        <Badge color="orange" variant="light" role="status" data-testid="on-hold">
          {t('calls.onHold')} <TimeInState since={contact.heldAt} />
        </Badge>
      )}
      {contact.heldAt ? (
        <Button
          size="sm"
          variant="default"
          loading={pending}
          onClick={() => void run({ type: 'contact:resume', payload: { contactId } })}
        >
          {t('calls.resume')}
        </Button>
      ) : (
        <Button
          size="sm"
          variant="default"
          loading={pending}
          onClick={() => void run({ type: 'contact:hold', payload: { contactId } })}
        >
          {t('calls.hold')}
        </Button>
      )}
      <TransferMenu
        contact={contact}
        disabled={pending}
        onTransfer={(target) => void run({ type: 'contact:transfer', payload: { contactId, ...target } })}
      />
    </Group>
  );
}
