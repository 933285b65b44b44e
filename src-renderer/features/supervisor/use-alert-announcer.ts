import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform/current-platform';

/** An alert as announced: its stable id, what kind, and the line the board shows. */
export interface AnnouncedAlert {
  id: string;
  kind: string;
  line: string;
}

/**
 * Announces each alert once when it is raised: a sound and a desktop notification (native on the
 * desktop, the Notification API in a browser). Alerts already open when the board opens are
 * shown, not announced again.
 */
export function useAlertAnnouncer(alerts: readonly AnnouncedAlert[] | undefined): void {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!alerts) return;
    if (seen.current === null) {
      seen.current = new Set(alerts.map((a) => a.id));
      return;
    }
    const fresh = alerts.filter((a) => !seen.current?.has(a.id));
    for (const alert of fresh) {
      seen.current.add(alert.id);
      platform
        .notify({
          id: `alert-${alert.id}`,
          title: t('alertsBoard.notificationTitle', { kind: t(`queueBoard.alertKinds.${alert.kind}`) }),
          body: alert.line,
        })
        .catch(() => undefined); // refused or unsupported: the board shows the alert anyway
    }
    if (fresh.length > 0) platform.ring();
  }, [alerts, t]);
}
