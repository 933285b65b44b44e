import type { Contact } from '../../../src-shared/protocol/contacts';
import type { BoardSnapshot } from '../../data/supervisor-board-hooks';
import type { ContactAction } from './ContactLine';
import { JumpDialog } from './JumpDialog';
import { ReassignDialog } from './ReassignDialog';

/** The dialog of the action picked on a contact, if any. */
export function ContactActions({
  picked,
  snapshot,
  onClose,
}: {
  picked: { contact: Contact; action: ContactAction } | null;
  snapshot: BoardSnapshot;
  onClose: () => void;
}) {
  if (!picked) return null;
  const byId = new Map(snapshot.open.map((c) => [c.id, c]));
  const nameOf = (contactId: string) => {
    const contact = byId.get(contactId);
    return contact ? `${contact.from} — ${contact.subject}` : contactId;
  };
  return picked.action === 'jump' ? (
    <JumpDialog contact={picked.contact} nameOf={nameOf} onClose={onClose} />
  ) : (
    <ReassignDialog
      contact={picked.contact}
      agents={snapshot.agents}
      queues={snapshot.queues}
      nameOf={nameOf}
      onClose={onClose}
    />
  );
}
