import type { Channel } from '../../protocol/channels';
import type { Contact } from '../../protocol/contacts';

/**
 * The facts of one contact's life that KPIs need, folded from the `contact.changed` events of the
 * log (each carries the whole contact). A projection keeps the life of each contact and feeds it
 * every new event with `observeContact`; `contactDeltas` turns a life into counts.
 */

/** One stay in a queue: from entering it (first arrival or a transfer) to leaving it. */
export interface ContactLeg {
  queueId: string;
  /** When it entered the queue: the leg's facts count in this moment's interval. */
  queuedAt: number;
  /** Entered by a transfer from another queue or agent (not a new contact). */
  byTransfer: boolean;
  /** The queue's service-level threshold for the channel when the leg began, in seconds. */
  targetSeconds: number;
  answeredAt: number | null;
  /** The agent who answered, and their team then. */
  agentId: string | null;
  teamId: string | null;
  /** Hold already over, in ms; and a hold still running since. */
  holdMs: number;
  holdSince: number | null;
  /** Conversation over (the customer left while waiting, for an abandon; the transfer time for a transfer). */
  endedAt: number | null;
  /** After-contact work done. */
  closedAt: number | null;
  outcome: 'open' | 'completed' | 'abandoned' | 'transferred';
  /** Escalated during this leg, by whoever held it then (agent null: while it waited). */
  escalatedBy: { agentId: string | null; teamId: string | null } | null;
}

/** A scheduled callback's promise: the agent should start it between `from` and `to`. */
export interface CallbackWindow {
  from: number;
  to: number;
}

export interface ContactLife {
  contactId: string;
  channel: Channel;
  /** Only for scheduled callbacks with a promise. */
  callbackWindow: CallbackWindow | null;
  legs: ContactLeg[];
  /** The last version folded in: older or repeated events change nothing. */
  version: number;
  transfers: number;
}

/** What the fold needs to know beyond the event: the projection answers from its tables. */
export interface ContactContext {
  /** The queue's service-level threshold for the channel (routing's channel default when it sets none). */
  targetSeconds(queueId: string, channel: Channel): number;
  /** The agent's team now. */
  teamOf(agentId: string): string | null;
  /** The promise of a scheduled callback, when it has one. */
  callbackWindow(contact: Contact): CallbackWindow | null;
}

const FINAL_OUTCOMES = new Set<ContactLeg['outcome']>(['completed', 'abandoned']);

/**
 * The life after one more `contact.changed` event (`at`: the event's time). Pure: returns a new
 * life, leaves `life` as it was. Times come from the contact's own fields where it has them
 * (`queuedAt`, `answeredAt`, `endedAt`, `closedAt`, `heldAt`), so a missed event loses at most a
 * hold's end; a repeated or older event (by `version`) changes nothing.
 */
export function observeContact(
  life: ContactLife | null,
  contact: Contact,
  at: number,
  context: ContactContext,
): ContactLife {
  if (life && contact.version <= life.version) return life;
  const next: ContactLife = life
    ? { ...life, legs: [...life.legs], version: contact.version }
    : {
        contactId: contact.id,
        channel: contact.channel,
        callbackWindow: contact.channel === 'callback' ? context.callbackWindow(contact) : null,
        legs: [],
        version: contact.version,
        transfers: contact.transfers,
      };
  if (contact.status === 'scheduled') return next;
  const current = next.legs.at(-1);
  if (current && FINAL_OUTCOMES.has(current.outcome)) return next;

  const queuedAt = Date.parse(contact.queuedAt);
  const staysInQueue =
    current !== undefined &&
    current.queueId === contact.queueId &&
    current.queuedAt === queuedAt &&
    contact.transfers === next.transfers;
  if (current && staysInQueue) {
    next.legs[next.legs.length - 1] = follow(current, contact, at, context);
  } else {
    // A new leg: the first queue, or another one (transfer, reassignment, a callback coming due again).
    if (current) next.legs[next.legs.length - 1] = transferredOut(current, queuedAt);
    next.legs.push(follow(newLeg(contact, queuedAt, current !== undefined, context), contact, at, context));
  }
  next.transfers = contact.transfers;
  return next;
}

/**
 * The contact's case was escalated while the contact was in its current leg: counted once per leg,
 * for the agent holding it then (or the queue, while it waited).
 */
export function markEscalated(life: ContactLife): ContactLife {
  const current = life.legs.at(-1);
  if (!current || current.escalatedBy) return life;
  const escalatedBy = { agentId: current.agentId, teamId: current.teamId };
  return { ...life, legs: [...life.legs.slice(0, -1), { ...current, escalatedBy }] };
}

function newLeg(
  contact: Contact,
  queuedAt: number,
  byTransfer: boolean,
  context: ContactContext,
): ContactLeg {
  return {
    queueId: contact.queueId,
    queuedAt,
    byTransfer,
    targetSeconds: context.targetSeconds(contact.queueId, contact.channel),
    answeredAt: null,
    agentId: null,
    teamId: null,
    holdMs: 0,
    holdSince: null,
    endedAt: null,
    closedAt: null,
    outcome: 'open',
    escalatedBy: null,
  };
}

/** The leg left its queue at `leftAt` by a transfer: an answered leg's conversation ends there. */
function transferredOut(leg: ContactLeg, leftAt: number): ContactLeg {
  if (leg.outcome !== 'open') return leg;
  const ended = leg.answeredAt === null ? leg : endHold({ ...leg, endedAt: leftAt }, leftAt);
  return { ...ended, outcome: 'transferred' };
}

/** The leg as the contact now shows it. */
function follow(leg: ContactLeg, contact: Contact, at: number, context: ContactContext): ContactLeg {
  let next = leg;
  const answeredAt = contact.answeredAt === null ? null : Date.parse(contact.answeredAt);
  // `answeredAt` survives a transfer; only an answer after this leg began is this leg's.
  if (next.answeredAt === null && answeredAt !== null && answeredAt >= next.queuedAt && contact.agentId) {
    next = { ...next, answeredAt, agentId: contact.agentId, teamId: context.teamOf(contact.agentId) };
  }
  if (contact.status === 'abandoned') {
    return {
      ...endHold(next, at),
      endedAt: contact.endedAt ? Date.parse(contact.endedAt) : at,
      outcome: 'abandoned',
    };
  }
  if (next.answeredAt === null) return next;
  if (contact.heldAt !== null && next.holdSince === null)
    next = { ...next, holdSince: Date.parse(contact.heldAt) };
  const conversationOver = contact.status === 'wrap_up' || contact.status === 'closed';
  const endedAt = contact.endedAt && conversationOver ? Date.parse(contact.endedAt) : null;
  if (contact.heldAt === null && next.holdSince !== null) next = endHold(next, endedAt ?? at);
  if (endedAt !== null && next.endedAt === null) next = { ...next, endedAt };
  if (contact.status === 'closed') {
    const closedAt = contact.closedAt ? Date.parse(contact.closedAt) : at;
    next = { ...next, endedAt: next.endedAt ?? closedAt, closedAt, outcome: 'completed' };
  }
  return next;
}

function endHold(leg: ContactLeg, endedAt: number): ContactLeg {
  if (leg.holdSince === null) return leg;
  return { ...leg, holdMs: leg.holdMs + Math.max(0, endedAt - leg.holdSince), holdSince: null };
}
