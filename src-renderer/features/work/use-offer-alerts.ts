import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { platform } from '../../platform/current-platform';

const RINGING_CHANNELS: ReadonlySet<Contact['channel']> = new Set(['phone', 'callback']);

/**
 * Announces each new offer once, where the console runs: a notification with Accept (native on
 * the desktop, the Notification API in a browser), the window to the front, a ring for calls.
 * An offer is new per contact and expiry, so the same contact offered again is announced again.
 */
export function useOfferAlerts(offers: readonly Contact[]): void {
  const { t } = useTranslation();
  const announced = useRef(new Set<string>());
  useEffect(() => {
    for (const offer of offers) {
      const key = `${offer.id}@${offer.offerExpiresAt ?? ''}`;
      if (announced.current.has(key)) continue;
      announced.current.add(key);
      const channel = t(`reports.channels.${offer.channel}`);
      const alerts = [
        platform.notify({
          id: `offer-${offer.id}`,
          title: t('work.notificationTitle', { channel }),
          body: [offer.from, offer.subject].filter(Boolean).join(' — '),
          actionLabel: t('work.accept'),
        }),
        platform.bringToFront(),
      ];
      // Notifications may be refused or unsupported: the card on screen is the offer that counts.
      for (const alert of alerts) alert.catch(() => undefined);
      if (RINGING_CHANNELS.has(offer.channel)) platform.ring();
    }
  }, [offers, t]);
}
