import { useEffect, useMemo, useRef } from 'react';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { useMyWork } from '../../data/contact-hooks';
import { useAppStore } from '../../store/store';
import { openInPop } from '../work/open-in-pop';

/**
 * The contact the Screen pop is about: the one I am on, else the one I am wrapping up, else the
 * newest offer ringing for me; null when I have none.
 */
export function usePopContact(): Contact | null {
  const userId = useAppStore((s) => s.user?.id);
  const work = useMyWork(userId);
  return useMemo(() => {
    if (!work) return null;
    const offers = work.filter((c) => c.status === 'offered');
    return (
      work.find((c) => c.status === 'active') ??
      work.find((c) => c.status === 'wrap_up') ??
      offers[offers.length - 1] ??
      null
    );
  }, [work]);
}

/**
 * Pops each new offer the moment it rings — its customer (or an empty pop that asks who it is),
 * so the agent knows who it is before answering — unless they are on or wrapping up another
 * contact, whose case stays in view.
 */
export function usePopOnOffer(contact: Contact | null): void {
  const popped = useRef(new Set<string>());
  useEffect(() => {
    if (contact?.status !== 'offered' || popped.current.has(contact.id)) return;
    popped.current.add(contact.id);
    openInPop(contact);
  }, [contact]);
}
