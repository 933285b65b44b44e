import type { TFunction } from 'i18next';
import type {
  CompleteWrapUpPayload,
  ContactIdPayload,
  TransferContactPayload,
} from '../../../src-shared/protocol/commands';
import { Contact } from '../../../src-shared/protocol/contacts';
import { applyContactAnswer } from '../../data/sync-repository';
import { CommandRefusedError, runOnlineCommand } from '../../sync/online-command';
import { NoAnswerError } from '../../sync/socket-link';

/** The live commands an agent runs on a contact they were offered or hold. */
export type ContactCommand =
  | { type: 'contact:accept' | 'contact:decline' | 'contact:end'; payload: ContactIdPayload }
  | { type: 'contact:complete-wrap-up'; payload: CompleteWrapUpPayload }
  | { type: 'contact:hold' | 'contact:resume'; payload: ContactIdPayload }
  | { type: 'contact:transfer'; payload: TransferContactPayload };

/**
 * Runs the command and applies the server's answer to the cache; answers the contact as it is
 * now. On a conflict (the offer was taken or withdrawn meanwhile) the server's current contact
 * goes to the cache too, so the card shows the truth, and the refusal is thrown on.
 */
export async function runContactCommand(command: ContactCommand): Promise<Contact | null> {
  try {
    const answer = await runOnlineCommand(command);
    await applyContactAnswer(answer);
    return answer;
  } catch (err) {
    if (err instanceof CommandRefusedError && err.error.code === 'conflict') {
      const current = Contact.safeParse(err.error.details);
      if (current.success) await applyContactAnswer(current.data);
    }
    throw err;
  }
}

/** What to tell the agent when a command failed: the server's own reason when it refused. */
export function commandFailure(err: unknown, t: TFunction): string {
  if (err instanceof CommandRefusedError) return err.error.message;
  if (err instanceof NoAnswerError) return t('errors.noAnswer');
  return err instanceof Error ? err.message : String(err);
}
