import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database';
import { routingDecisions } from '../../db/schema';
import type { RoutingDecision, RoutingReason } from '../../../src-shared/protocol/contacts';

/**
 * A decision about one contact taken outside a routing pass (it entered its queue, its holder's
 * console went away), recorded with its reasons so "why is this here" has an answer.
 */
export async function recordDecision(
  tx: Tx,
  contactId: string,
  at: Date,
  outcome: RoutingDecision['outcome'],
  reasons: RoutingReason[],
): Promise<void> {
  await tx.insert(routingDecisions).values({
    id: randomUUID(),
    contactId,
    at,
    outcome,
    agentId: null,
    reasons,
    priority: 0,
    candidates: [],
  });
}
