import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentifyContactPayload } from '../../../src-shared/protocol/caller-identity';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { identifyContact } from '../../sync/caller-identity';
import { commandFailure } from '../work/contact-commands';
import { openInPop } from '../work/open-in-pop';

type Choice = Omit<IdentifyContactPayload, 'contactId'>;

/** Says who the contact is from and pops them; a refusal is shown with the server's reason. */
export function useIdentify(contact: Contact, onDone: () => void) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);

  async function identify(choice: Choice, name: string): Promise<boolean> {
    setPending(true);
    try {
      const answer = await identifyContact({ contactId: contact.id, ...choice });
      if (answer) openInPop(answer);
      notifications.show({ color: 'green', message: t('popCaller.identified', { name }) });
      onDone();
      return true;
    } catch (err) {
      notifications.show({
        color: 'red',
        message: t('popCaller.failed', { reason: commandFailure(err, t) }),
      });
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, identify };
}
