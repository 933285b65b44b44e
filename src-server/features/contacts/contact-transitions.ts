import type { Tx } from '../../db/database';
import { clearTimer, setTimer } from './contact-timers';
import { findQueue } from '../directory/directory.repository';
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
    ...(declinedBy ? { declinedAt: new Date() } : {}),
  });
}

/** The agent offered the contact is on it now (accepted in the console, or answered on the phone). */
export async function activate(tx: Tx, row: ContactRow, now: Date): Promise<ContactRow> {
  await clearTimer(tx, 'offer_timeout', row.id);
  return changeContact(tx, row, { status: 'active', answeredAt: now, offerExpiresAt: null });
}

/** The conversation is over (ended in the console or by the phone system): after-contact work starts. */
export async function startWrapUp(tx: Tx, row: ContactRow, now: Date): Promise<ContactRow> {
  const queue = await findQueue(tx, row.queueId);
  const wrapUpDueAt = new Date(now.getTime() + (queue?.routing.wrapUpMaxSeconds ?? 120) * 1000);
  await setTimer(tx, 'wrap_up_due', row.id, wrapUpDueAt);
  return changeContact(tx, row, {
    status: 'wrap_up',
    endedAt: row.endedAt ?? now,
    wrapUpDueAt,
    heldAt: null,
  });
}
