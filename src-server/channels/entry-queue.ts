import type { Tx } from '../db/database';
import type { Channel } from '../../src-shared/protocol/channels';
import { AppError } from '../platform/errors';
import { listQueues } from '../features/directory/directory.repository';

/**
 * The queue a new contact enters: the case's queue when it continues a case, else the tier-1
 * queue taking this channel in the customer's language, else any tier-1 queue taking it.
 * Routing moves it on from there (expired contracts to Inside Sales, overflow).
 */
export async function entryQueue(
  tx: Tx,
  input: {
    channel: Channel;
    language: string | null;
    caseQueueId?: string | null | undefined;
    /** Queues nobody enters directly (the renewals queue routing moves expired contracts to). */
    excludeQueueIds?: readonly string[];
  },
): Promise<string> {
  const queues = await listQueues(tx);
  const taking = queues.filter((q) => q.channels.includes(input.channel));
  const byCase = input.caseQueueId ? taking.find((q) => q.id === input.caseQueueId) : undefined;
  if (byCase) return byCase.id;
  const firstTier = taking.filter((q) => q.tier === 1 && !input.excludeQueueIds?.includes(q.id));
  const chosen =
    firstTier.find((q) => q.language === input.language) ??
    firstTier.find((q) => q.language === 'en') ??
    firstTier[0] ??
    taking[0];
  if (!chosen) throw new AppError('unavailable', `No queue takes ${input.channel} contacts`);
  return chosen.id;
}
