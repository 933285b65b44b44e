import type { Tx } from '../db/database';
import { contactEvent } from '../features/contacts/contact-events';
import { recordDecision } from '../features/contacts/contact-decisions';
import { contactOf } from '../features/contacts/contact-row';
import { clearTimers } from '../features/contacts/contact-timers';
import { changeContact, lockContact, workOf } from '../features/contacts/contacts.repository';
import type { NewEvent } from '../features/sync/event-log';

/** The phone system owns a live call: it stays on the agent's phone when their console goes. */
const CALL_CHANNELS = new Set(['phone', 'callback']);

/**
 * The agent's console stayed away past the grace period: the emails, web forms and chats they were
 * working go back to their queue for someone else (docs/ROUTING.md, "Honest presence"). Each keeps
 * its place in line (`queuedAt`, so its original wait) and its id — a chat visitor keeps the
 * conversation, an email its case — and records `holder_disconnected`. Live calls and wrap-ups stay.
 */
export async function returnHeldWork(tx: Tx, agentId: string, now: Date): Promise<NewEvent[]> {
  const held = (await workOf(tx, agentId)).filter(
    (row) => row.status === 'active' && !CALL_CHANNELS.has(row.channel),
  );
  const events: NewEvent[] = [];
  for (const seen of held) {
    const row = await lockContact(tx, seen.id); // a supervisor's move may have taken it meanwhile
    if (!row || row.status !== 'active' || row.agentId !== agentId) continue;
    await clearTimers(tx, row.id, ['reassign_response']);
    const back = await changeContact(tx, row, {
      status: 'queued',
      agentId: null,
      offerExpiresAt: null,
      answeredAt: null,
      heldAt: null,
    });
    await recordDecision(tx, row.id, now, 'rerouted', ['holder_disconnected']);
    events.push(contactEvent(contactOf(back), { users: [agentId] }));
  }
  return events;
}
