import type { Tx } from '../db/database';
import {
  chooseEntryQueue,
  type IntakeChoice,
  type IntakeInput,
} from '../../src-shared/domain/routing/intake';
import { AppError } from '../platform/errors';
import { listQueues } from '../features/directory/directory.repository';
import type { CommandSettings } from '../features/sync/command-bus';

/**
 * The queue a new contact enters by the queues' intake rules (one function for every channel,
 * docs/ROUTING.md "Intake rules"), with the reason recorded on the contact's first decision.
 * The expired-contract queue is entered only where a rule names it; the contract rule itself
 * applies after this, in `openContact`.
 */
export async function entryQueue(
  tx: Tx,
  input: Omit<IntakeInput, 'notByFallback'>,
  settings: CommandSettings,
): Promise<IntakeChoice> {
  const queues = await listQueues(tx);
  const chosen = chooseEntryQueue(queues, { ...input, notByFallback: [settings.expiredContractQueueId] });
  if (!chosen) throw new AppError('unavailable', `No queue takes ${input.channel} contacts`);
  return chosen;
}
