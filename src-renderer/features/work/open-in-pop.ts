import type { Contact } from '../../../src-shared/protocol/contacts';
import { useAppStore } from '../../store/store';

/**
 * Shows the contact's customer in the Screen pop, and its case when it has one. A contact with no
 * known customer clears the pop: whoever was open before must not pass for this caller.
 */
export function openInPop(contact: Pick<Contact, 'customerId' | 'caseId'>): void {
  const { openCustomer, openCase } = useAppStore.getState();
  openCustomer(contact.customerId);
  if (contact.caseId) openCase(contact.caseId);
}
