import type { TFunction } from 'i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';

/**
 * Why a contact waits, in words: its reasons, and with "all in wrap-up" how soon the first of
 * those agents is free (counting down with `now`). The agent's waiting list and the supervisor's
 * queue drill-down say it alike.
 */
export function waitingWhy(
  contact: Pick<Contact, 'reasons' | 'nextFreeAt'>,
  now: number,
  t: TFunction,
): string {
  return contact.reasons
    .map((reason) => {
      const text = t(`routingReasons.${reason}`);
      if (reason !== 'all_in_wrap_up' || !contact.nextFreeAt) return text;
      const seconds = Math.ceil((Date.parse(contact.nextFreeAt) - now) / 1000);
      return seconds > 0
        ? t('waitingWhy.nextFree', { reason: text, seconds })
        : t('waitingWhy.nextFreeNow', { reason: text });
    })
    .join(' · ');
}
