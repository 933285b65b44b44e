import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database';

/** The advisory lock key routing passes and deadline sweeps take. */
const ROUTING_LOCK = 7400003;

/**
 * Waits for this transaction's turn among routing passes and deadline sweeps on all nodes. Both
 * lock many agents' state rows; a sweep running beside a pass locked them in another order and
 * deadlocked with it (seen when a node died and its agents' offers fell due together).
 */
export async function takeRoutingTurn(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
}
