import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
            <Text size="sm">
              {n.kind === 'contact_reassigned_away' && n.params.by
                ? t('notices.movedAway', {
                    by: n.params.by,
                    to: n.params.to ?? '',
                    reason: n.params.reason || t('notices.noReason'),
                  })
                : noticeLine(n.params)}
            </Text>
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

/** The notice's own words: who did it and why, as the server gave them. */
export function noticeLine(params: Record<string, string>): string {
  return Object.entries(params)
    .filter(([key]) => !key.endsWith('Id'))
    .map(([, value]) => value)
    .join(' · ');
}
