import type { Contact, ContactStatus } from '../../../src-shared/protocol/contacts';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import type { NewEvent } from '../sync/event-log';

/**
 * Statuses in which the contact's queue sees it: waiting (or scheduled) in it, and the change that
 * takes it out of the line (offered to someone, abandoned). Once an agent is on it, the rest of its
 * life is the agent's and supervisors' business: a queue of 200 agents is not sent every
 * accept, end and wrap-up of each of them (5 pushes per contact to everyone became 2).
 */
const SEEN_BY_QUEUE = new Set<ContactStatus>(['scheduled', 'queued', 'offered', 'abandoned']);

/**
 * The event every contact change produces: seen by its agent, supervisors and admins, by its
 * queue while it waits there (see above), and by whoever it just left (the agent who declined,
 * the queue it was transferred from), so their consoles drop it. `queueSees` overrides the
 * status's rule where the caller knows better (a held contact a supervisor hands to another agent
 * is "offered" without ever having waited in the queue).
 */
export function contactEvent(
  contact: Contact,
  left: { users?: string[]; queues?: string[] } = {},
  queueSees = SEEN_BY_QUEUE.has(contact.status),
): NewEvent {
  const users = new Set([...(contact.agentId ? [contact.agentId] : []), ...(left.users ?? [])]);
  const queues = new Set([...(queueSees ? [contact.queueId] : []), ...(left.queues ?? [])]);
  return {
    type: EVENT_TYPES.contactChanged,
    entityKind: 'contact',
    entityId: contact.id,
    entityVersion: contact.version,
    payload: contact,
    audience: { users: [...users], queues: [...queues], roles: ['supervisor', 'admin'] },
  };
}
