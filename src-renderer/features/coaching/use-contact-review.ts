import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_CONTACT_STATUSES, type ContactDetail } from '../../../src-shared/protocol/contacts';
import { useCaseMessages, useCaseNotes } from '../../data/case-hooks';
import { fetchContact } from '../../sync/coaching-reads';
import { loadCase } from '../../sync/remote-reads';
import type { Moment } from './moments';
import { reviewMoments } from './review-moments';

/** How often a live contact is read again while the coach follows it. */
const FOLLOW_EVERY_MS = 4_000;

export interface ContactReview {
  contact: ContactDetail | null;
  isLive: boolean;
  moments: Moment[];
  /** The contact could not be read (offline, or not in this coach's scope). */
  failed: boolean;
}

/**
 * A contact under review with its case's messages and notes. A live one is read again every few
 * seconds (pushed events bring most of it sooner), so the coach follows it as it happens.
 */
export function useContactReview(contactId: string): ContactReview {
  const { t } = useTranslation();
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const caseId = contact?.caseId ?? '';
  const messages = useCaseMessages(caseId);
  const notes = useCaseNotes(caseId);
  const isLive = contact !== null && (OPEN_CONTACT_STATUSES as readonly string[]).includes(contact.status);

  useEffect(() => {
    let current = true;
    const read = async () => {
      try {
        const fresh = await fetchContact(contactId);
        if (fresh.caseId) await loadCase(fresh.caseId);
        if (current) {
          setContact(fresh);
          setFailed(false);
        }
      } catch {
        if (current) setFailed(true);
      }
    };
    void read();
    const timer = isLive ? setInterval(() => void read(), FOLLOW_EVERY_MS) : undefined;
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [contactId, isLive]);

  const moments = useMemo(
    () =>
      contact
        ? reviewMoments(contact, messages ?? [], notes ?? [], (event) => t(`qa.review.callEvents.${event}`))
        : [],
    [contact, messages, notes, t],
  );
  return { contact, isLive, moments, failed };
}
