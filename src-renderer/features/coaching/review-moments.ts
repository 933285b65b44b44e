import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Message, Note } from '../../../src-shared/protocol/entities';
import { byTime, type Moment } from './moments';

/** The call events a contact's own times tell (the recording, when sent, is on the contact). */
const CALL_EVENTS = ['createdAt', 'answeredAt', 'heldAt', 'endedAt', 'closedAt'] as const;
type CallEvent = (typeof CALL_EVENTS)[number];

/**
 * Every moment of a contact a coach can point a comment at: its messages (chat lines, emails,
 * web forms), its case's notes, and for a call the moments of the call. `callEventName` names a
 * call event in the coach's language.
 */
export function reviewMoments(
  contact: Pick<Contact, 'id' | 'channel' | CallEvent>,
  messages: readonly Message[],
  notes: readonly Note[],
  callEventName: (event: CallEvent) => string,
): Moment[] {
  const moments: Moment[] = [];
  for (const message of messages) {
    if (message.contactId !== null && message.contactId !== contact.id) continue;
    moments.push({
      anchor: { kind: 'message', messageId: message.id },
      at: message.at,
      text: `${message.fromName || message.from}: ${message.bodyText || message.subject}`,
    });
  }
  for (const note of notes) {
    moments.push({
      anchor: { kind: 'note', noteId: note.id },
      at: note.createdAt,
      text: `${note.authorName}: ${note.body}`,
    });
  }
  if (contact.channel === 'phone' || contact.channel === 'callback') {
    for (const event of CALL_EVENTS) {
      const at = contact[event];
      if (!at) continue;
      const iso = new Date(at).toISOString();
      moments.push({
        anchor: { kind: 'call', at: iso, event: event.replace(/At$/, '') },
        at: iso,
        text: callEventName(event),
      });
    }
  }
  return byTime(moments);
}
