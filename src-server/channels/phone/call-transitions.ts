import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { agentStates, contacts } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { abandonWaiting, settleAgent } from '../../features/agents/agent-work';
import { clearTimer, setTimer } from '../../features/contacts/contact-timers';
import { findQueue } from '../../features/directory/directory.repository';
import { contactEvent } from '../../features/contacts/contact-events';
import { contactOf, type ContactRow } from '../../features/contacts/contact-row';
import { activate, startWrapUp } from '../../features/contacts/contact-transitions';
import { changeContact } from '../../features/contacts/contacts.repository';
import type { NewEvent } from '../../features/sync/event-log';
import type { CallTarget } from '../../../src-shared/protocol/phone';

/**
 * What happens to a call, whoever says so: the phone system (webhooks) or a person in the console
 * (commands). Each works on a row locked by the caller and answers the events to append.
 */
export interface CallChange {
  row: ContactRow;
  events: NewEvent[];
  /** A routing pass should run after commit (an agent was freed or the call went back to a queue). */
  kickRouting: boolean;
}

const unchanged = (row: ContactRow): CallChange => ({ row, events: [], kickRouting: false });

function refuse(row: ContactRow, what: string): AppError {
  return new AppError(
    'conflict',
    `The call is ${row.status.replace('_', '-')}: cannot ${what}`,
    contactOf(row),
  );
}

/** The offered agent is on the line (accepted, or the phone system says they picked up). */
export async function answerCall(tx: Tx, row: ContactRow, now: Date): Promise<CallChange> {
  if (row.status === 'active') return unchanged(row);
  if (row.status !== 'offered' || !row.agentId) throw refuse(row, 'answer it');
  const next = await activate(tx, row, now);
  return {
    row: next,
    events: [contactEvent(contactOf(next)), ...(await settleAgent(tx, row.agentId, now))],
    kickRouting: false,
  };
}

/** Hold (`held` true) or take off hold; holding twice changes nothing. */
export async function setOnHold(tx: Tx, row: ContactRow, held: boolean, now: Date): Promise<CallChange> {
  if (row.status !== 'active') throw refuse(row, held ? 'hold it' : 'resume it');
  if ((row.heldAt !== null) === held) return unchanged(row);
  const next = await changeContact(tx, row, { heldAt: held ? now : null });
  return { row: next, events: [contactEvent(contactOf(next))], kickRouting: false };
}

/** The conversation is over: an active call goes to wrap-up; one still waiting was abandoned. */
export async function endCall(tx: Tx, row: ContactRow, now: Date): Promise<CallChange> {
  if (row.status === 'queued' || row.status === 'offered' || row.status === 'scheduled') {
    return abandonCall(tx, row, now);
  }
  if (row.status !== 'active' || !row.agentId) return unchanged(row);
  const next = await startWrapUp(tx, row, now);
  return {
    row: next,
    events: [contactEvent(contactOf(next)), ...(await settleAgent(tx, row.agentId, now))],
    kickRouting: false,
  };
}

/** The caller hung up before anyone took the call: the offer is withdrawn and its agent freed. */
export async function abandonCall(tx: Tx, row: ContactRow, now: Date): Promise<CallChange> {
  if (row.status === 'abandoned' || row.status === 'closed' || row.status === 'wrap_up')
    return unchanged(row);
  if (row.status === 'active') throw refuse(row, 'abandon it (it is answered: end it)');
  return abandonWaiting(tx, row, now, { heldAt: null });
}

/**
 * Moves the call: to a named agent (offered to them straight away, with the queue's offer
 * timeout), or to a queue (waiting there from now). No target: back into its own queue.
 * The agent who had it is freed; `transfers` counts the moves.
 */
export async function transferCall(
  tx: Tx,
  row: ContactRow,
  target: CallTarget,
  now: Date,
): Promise<CallChange> {
  if (row.status !== 'active' && row.status !== 'offered' && row.status !== 'queued') {
    throw refuse(row, 'transfer it');
  }
  const queueId = target.queueId ?? row.queueId;
  const queue = await findQueue(tx, queueId);
  if (!queue) throw new AppError('not_found', `No queue ${queueId}`);
  if (!queue.channels.includes(contactOf(row).channel)) {
    throw new AppError('invalid', `Queue ${queue.name} does not take ${row.channel} contacts`);
  }
  if (target.agentId !== undefined) await checkAgent(tx, target.agentId, row);
  await clearTimer(tx, 'offer_timeout', row.id);
  const offerExpiresAt = target.agentId
    ? new Date(now.getTime() + queue.routing.offerTimeouts[contactOf(row).channel] * 1000)
    : null;
  const next = await changeContact(tx, row, {
    status: target.agentId ? 'offered' : 'queued',
    queueId,
    agentId: target.agentId ?? null,
    offerExpiresAt,
    heldAt: null,
    queuedAt: now,
    transfers: row.transfers + 1,
    declinedBy: [],
  });
  if (offerExpiresAt) await setTimer(tx, 'offer_timeout', row.id, offerExpiresAt);
  const left = { users: row.agentId ? [row.agentId] : [], queues: [row.queueId] };
  const agentEvents = row.agentId ? await settleAgent(tx, row.agentId, now) : [];
  return { row: next, events: [contactEvent(contactOf(next), left), ...agentEvents], kickRouting: true };
}

async function checkAgent(tx: Tx, agentId: string, row: ContactRow): Promise<void> {
  if (agentId === row.agentId) throw new AppError('invalid', 'The call is with that agent already');
  const [agent] = await tx
    .select({ id: agentStates.userId })
    .from(agentStates)
    .where(eq(agentStates.userId, agentId));
  if (!agent) throw new AppError('not_found', `No agent ${agentId}`);
  const [busy] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.agentId, agentId),
        eq(contacts.channel, 'phone'),
        inArray(contacts.status, ['offered', 'active']),
      ),
    )
    .limit(1);
  if (busy) throw new AppError('conflict', 'That agent is on another call');
}
