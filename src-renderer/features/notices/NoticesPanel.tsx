import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsoleNotification } from '../../../src-shared/protocol/supervisor-entities';
import { useOpenBroadcasts, useUnreadNotifications } from '../../data/notice-hooks';
import { useAppStore } from '../../store/store';
import { acknowledgeBroadcast, markNotificationRead } from '../../sync/notice-commands';
import { useNoticeAnnouncer } from './use-notice-announcer';

const COLORS = { info: 'blue', warning: 'orange', critical: 'red' } as const;

/**
 * What supervisors told this person, until they acknowledge it: broadcasts to their team or
 * queue, and notices about them (a contact moved away and why, a state a supervisor set).
 */
export function NoticesPanel() {
  const { t } = useTranslation();
  const userId = useAppStore((s) => s.user?.id);
  const broadcasts = useOpenBroadcasts(userId) ?? [];
  const notifications = useUnreadNotifications(userId) ?? [];
  useNoticeAnnouncer(broadcasts, notifications);
  if (broadcasts.length === 0 && notifications.length === 0) return null;
  const ignoreOffline = () => undefined; // the notice stays until the acknowledgement gets through
  return (
    <Stack gap="xs" role="region" aria-label={t('notices.title')}>
      {broadcasts.map((b) => (
        <Alert
          key={b.id}
          color={COLORS[b.severity]}
          title={t('notices.broadcastFrom', { name: b.fromName })}
          data-broadcast={b.id}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{b.message}</Text>
            <Button size="compact-sm" onClick={() => void acknowledgeBroadcast(b.id).catch(ignoreOffline)}>
              {t('notices.acknowledge')}
            </Button>
          </Group>
        </Alert>
      ))}
      {notifications.map((n) => (
        <Alert key={n.id} color="orange" title={t(`notices.kinds.${n.kind}`)} data-notification={n.kind}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{noticeText(n, t)}</Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => void markNotificationRead(n.id).catch(ignoreOffline)}
            >
              {t('notices.acknowledge')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

/** A notice worded in the person's language where its kind is known, else its own words. */
function noticeText(n: ConsoleNotification, t: TFunction): string {
  const { by, reason, to } = n.params;
  if (n.kind === 'contact_reassigned_away' && by)
    return t('notices.movedAway', { by, to: to ?? '', reason: reason || t('notices.noReason') });
  if (n.kind === 'state_forced' && by)
    return t('notices.stateForced', { by, reason: reason || t('notices.noReason') });
  return noticeLine(n.params);
}

/** The notice's own words: who did it and why, as the server gave them. */
export function noticeLine(params: Record<string, string>): string {
  return Object.entries(params)
    .filter(([key]) => !key.endsWith('Id'))
    .map(([, value]) => value)
    .join(' · ');
}
