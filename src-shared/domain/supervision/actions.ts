import type { ImpactQuery } from '../../protocol/supervision';
import type { RoutingContact } from '../routing/types';
import type { HeldContact, QueueAgent, QueueState } from './queue-state';

/** What a supervisor may do to one contact, as the impact preview weighs it. */
export type SupervisorAction =
  /** "Jump this customer ahead": a waiting contact goes before every contact not jumped. */
  | { kind: 'jump'; contactId: string }
  /** Hand a waiting, offered or active contact to a named agent (it is offered to them now). */
  | { kind: 'reassign'; contactId: string; agentId: string }
  /** Put a waiting, offered or active contact in a queue (its line starts again there, now). */
  | { kind: 'move'; contactId: string; queueId: string };

/** The action an impact query asks about (`ImpactQuery` has checked which ids it names). */
export function actionOfQuery(contactId: string, query: ImpactQuery): SupervisorAction {
  if (query.action === 'jump') return { kind: 'jump', contactId };
  if (query.agentId !== undefined) return { kind: 'reassign', contactId, agentId: query.agentId };
  return { kind: 'move', contactId, queueId: query.queueId ?? '' };
}

type Found =
  | { where: 'queue'; contact: RoutingContact }
  | { where: 'agent'; contact: RoutingContact; holder: QueueAgent; held: HeldContact }
  | null;

function find(state: QueueState, contactId: string): Found {
  const queued = state.contacts.find((c) => c.id === contactId);
  if (queued) return { where: 'queue', contact: queued };
  for (const holder of state.agents) {
    const held = holder.work.find((w) => w.contact.id === contactId);
    if (held) return { where: 'agent', contact: held.contact, holder, held };
  }
  return null;
}

/** The state without the contact: out of its queue, or off its holder's work. */
function without(state: QueueState, found: NonNullable<Found>): QueueState {
  const id = found.contact.id;
  if (found.where === 'queue') return { ...state, contacts: state.contacts.filter((c) => c.id !== id) };
  const agents = state.agents.map((a) =>
    a.id === found.holder.id ? { ...a, work: a.work.filter((w) => w.contact.id !== id) } : a,
  );
  return { ...state, agents };
}

/**
 * The floor as it would be right after the action, the way the server carries it out (as a
 * transfer does today): a jump stamps the contact `jumpedAt = now` (an earlier jump is kept); a
 * reassignment offers it to the agent now; a move queues it in the new queue now with its
 * declines forgotten. An action that cannot apply — an unknown contact, agent or queue, a contact
 * in wrap-up, a jump of a contact no longer waiting, a reassignment to its holder, a move of a
 * waiting contact to its own queue — leaves the state as it is (the command refuses those).
 */
export function applyAction(state: QueueState, action: SupervisorAction): QueueState {
  const found = find(state, action.contactId);
  if (!found || (found.where === 'agent' && found.held.status === 'wrap_up')) return state;
  const { now } = state;
  switch (action.kind) {
    case 'jump': {
      if (found.where !== 'queue' || (found.contact.jumpedAt ?? null) !== null) return state;
      const jumped = { ...found.contact, jumpedAt: now };
      return { ...state, contacts: state.contacts.map((c) => (c.id === jumped.id ? jumped : c)) };
    }
    case 'reassign': {
      const target = state.agents.find((a) => a.id === action.agentId);
      if (!target || (found.where === 'agent' && found.holder.id === target.id)) return state;
      const rest = without(state, found);
      const held: HeldContact = { contact: found.contact, status: 'offered', since: now, endsBy: null };
      const agents = rest.agents.map((a) => (a.id === target.id ? { ...a, work: [...a.work, held] } : a));
      return { ...rest, agents };
    }
    case 'move': {
      const isKnownQueue = state.queues.some((q) => q.id === action.queueId);
      const isSameLine = found.where === 'queue' && found.contact.queueId === action.queueId;
      if (!isKnownQueue || isSameLine) return state;
      const rest = without(state, found);
      const moved: RoutingContact = {
        ...found.contact,
        queueId: action.queueId,
        queuedAt: now,
        declinedBy: [],
        jumpedAt: null,
      };
      return { ...rest, contacts: [...rest.contacts, moved] };
    }
  }
}
