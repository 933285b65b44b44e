import type { Tx } from '../../db/database';
import { clearTimer } from '../../routing/timers.repository';
import { changeContact } from './contacts.repository';
import type { ContactRow } from './contact-row';

/**
 * A contact offered to an agent goes back to its queue (declined, timed out, the agent left),
 * keeping its place in line (`queuedAt`). Someone who declined is remembered so the next offer
 * goes to someone else first.
 */
export async function returnToQueue(tx: Tx, row: ContactRow, declinedBy: string | null): Promise<ContactRow> {
  await clearTimer(tx, 'offer_timeout', row.id);
  return changeContact(tx, row, {
    status: 'queued',
    agentId: null,
    offerExpiresAt: null,
    declinedBy: declinedBy ? [...new Set([...row.declinedBy, declinedBy])] : row.declinedBy,
  });
}
