import type { Contact } from '../../../src-shared/protocol/contacts';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import type { NewEvent } from '../sync/event-log';

/**
 * The event every contact change produces: seen by its queue, its agent, supervisors and admins,
 * and by whoever it just left (the agent who declined, the queue it was transferred from), so
 * their consoles drop it.
 */
export function contactEvent(contact: Contact, left: { users?: string[]; queues?: string[] } = {}): NewEvent {
  const users = new Set([...(contact.agentId ? [contact.agentId] : []), ...(left.users ?? [])]);
  const queues = new Set([contact.queueId, ...(left.queues ?? [])]);
  return {
    type: EVENT_TYPES.contactChanged,
    entityKind: 'contact',
    entityId: contact.id,
    entityVersion: contact.version,
    payload: contact,
    audience: { users: [...users], queues: [...queues], roles: ['supervisor', 'admin'] },
  };
}
