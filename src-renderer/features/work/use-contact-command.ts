import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { commandFailure, runContactCommand, type ContactCommand } from './contact-commands';

/**
 * Runs contact commands for one card: `pending` while one is on its way; a failure is shown as a
 * notification with the server's reason, and answers `undefined`.
 */
export function useContactCommand() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);

  async function run(command: ContactCommand): Promise<Contact | null | undefined> {
    setPending(true);
    try {
      return await runContactCommand(command);
    } catch (err) {
      notifications.show({ color: 'red', message: t('work.failed', { reason: commandFailure(err, t) }) });
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { pending, run };
}
