import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Broadcast, ConsoleNotification } from '../../../src-shared/protocol/supervisor-entities';
import { platform } from '../../platform/current-platform';
import { noticeText } from './notice-text';

/** Each new broadcast or notice is also a desktop notification, once. */
export function useNoticeAnnouncer(
  broadcasts: readonly Broadcast[],
  notifications: readonly ConsoleNotification[],
) {
  const { t } = useTranslation();
  const announced = useRef(new Set<string>());
  useEffect(() => {
    const fresh = [
      ...broadcasts.map((b) => ({
        id: b.id,
        title: t('notices.broadcastFrom', { name: b.fromName }),
        body: b.message,
      })),
      ...notifications.map((n) => ({
        id: n.id,
        title: t(`notices.kinds.${n.kind}`),
        body: noticeText(n, t),
      })),
    ].filter((notice) => !announced.current.has(notice.id));
    for (const notice of fresh) {
      announced.current.add(notice.id);
      platform
        .notify({ id: `notice-${notice.id}`, title: notice.title, body: notice.body })
        .catch(() => undefined);
    }
  }, [broadcasts, notifications, t]);
}
