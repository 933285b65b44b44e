import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { webhookReceipts } from '../../db/schema';
import { isUniqueViolation } from '../../platform/errors';
import { commitInbound, type ChannelDeps, type InboundChange } from '../inbound-commit';

export const bodyHash = (raw: Buffer | string): string => createHash('sha256').update(raw).digest('hex');

async function storedReceipt(db: Db | Tx, id: string): Promise<unknown> {
  const [row] = await db
    .select({ result: webhookReceipts.result })
    .from(webhookReceipts)
    .where(eq(webhookReceipts.id, id))
    .limit(1);
  return row?.result;
}

/**
 * Applies a webhook delivery once: a replay (same receipt id) answers what the first delivery
 * answered and changes nothing. The receipt is written in the same transaction as the change,
 * so a delivery that failed leaves none and may be retried. Refusals (thrown) store nothing.
 */
export async function applyOnce<T>(
  deps: Pick<ChannelDeps, 'db' | 'effects'>,
  receiptId: string,
  parse: (stored: unknown) => T,
  change: (tx: Tx, now: Date) => Promise<InboundChange<T>>,
): Promise<T> {
  try {
    return await commitInbound(deps, async (tx, now) => {
      const prior = await storedReceipt(tx, receiptId);
      if (prior !== undefined) return { result: parse(prior), events: [] };
      const outcome = await change(tx, now);
      await tx.insert(webhookReceipts).values({ id: receiptId, result: outcome.result as object });
      return outcome;
    });
  } catch (err) {
    // The same delivery raced itself (the phone system retried at once): answer as the first did.
    if (isUniqueViolation(err)) {
      const prior = await storedReceipt(deps.db, receiptId);
      if (prior !== undefined) return parse(prior);
    }
    throw err;
  }
}
