import type { Tx } from '../db/database';
import { settleAgent } from '../features/agents/agent-work';
import { clearTimers, setTimer } from '../features/contacts/contact-timers';
import { tellPhoneSystem } from '../features/outbound/call-control-job';
import type { Agent, Queue } from '../../src-shared/protocol/entities';
import { contactEvent } from '../features/contacts/contact-events';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { changeContact } from '../features/contacts/contacts.repository';
import type { NewEvent } from '../features/sync/event-log';

const CALL_CHANNELS = new Set(['phone', 'callback']);

export interface Move {
  /** The contact, locked by the caller. */
  row: ContactRow;
  toQueue: Queue;
  /** The agent it is offered to (state row locked by the caller); null: it waits in `toQueue`. */
  toAgent: Agent | null;
  now: Date;
  /** The response timer's deadline; while it runs the offer has no timeout of its own. */
  responseDueAt: Date | null;
}

export interface Moved {
  row: ContactRow;
  events: NewEvent[];
  /** A call-control job was written: the outbound worker should send it now. */
  toldPhoneSystem: boolean;
}

/**
 * Takes the contact off its holder or its line and puts it with one new holder: offered to the
 * named agent now, or waiting in the queue from now (earlier declines forgotten, as a transfer does;
 * the agent it was taken from kept away for the queue's decline cool-down). The
 * contact keeps its id, so a chat visitor keeps their conversation and an email its case. A call
 * is transferred by the phone system (a durable job in this transaction). The agent who had it is
 * freed; every console that saw it where it was gets the change.
 */
export async function moveContact(tx: Tx, move: Move): Promise<Moved> {
  const { row, toQueue, toAgent, now, responseDueAt } = move;
  const channel = contactOf(row).channel;
  await clearTimers(tx, row.id, ['offer_timeout', 'reassign_response']);
  const offerExpiresAt =
    toAgent && !responseDueAt
      ? new Date(now.getTime() + toQueue.routing.offerTimeouts[channel] * 1000)
      : null;
  const next = await changeContact(tx, row, {
    status: toAgent ? 'offered' : 'queued',
    queueId: toQueue.id,
    agentId: toAgent?.id ?? null,
    offerExpiresAt,
    heldAt: null,
    answeredAt: null,
    queuedAt: toAgent ? row.queuedAt : now,
    transfers: row.transfers + 1,
    // Back in the queue, it does not go straight back to the agent it was taken from: they are
    // kept away like someone who declined (the queue's cool-down), unless nobody else can take it.
    ...(toAgent
      ? {}
      : { declinedBy: row.agentId ? [row.agentId] : [], declinedAt: row.agentId ? now : null }),
  });
  if (offerExpiresAt) await setTimer(tx, 'offer_timeout', row.id, offerExpiresAt);
  if (responseDueAt) await setTimer(tx, 'reassign_response', row.id, responseDueAt);
  const toldPhoneSystem = CALL_CHANNELS.has(channel)
    ? await tellPhoneSystem(tx, next, 'transfer', toAgent ? { agentId: toAgent.id } : { queueId: toQueue.id })
    : false;
  // Queue rooms hear of it only where it waits: the queue it left if it was waiting there (their
  // consoles drop it), the queue it now waits in. A held contact going from one agent to another
  // is none of the queue's agents' business (nor 200 pushes per move).
  const wasWaiting = row.status === 'queued';
  const left = { users: row.agentId ? [row.agentId] : [], queues: wasWaiting ? [row.queueId] : [] };
  const agentEvents = row.agentId ? await settleAgent(tx, row.agentId, now) : [];
  const event = contactEvent(contactOf(next), left, toAgent === null);
  return { row: next, events: [event, ...agentEvents], toldPhoneSystem };
}
