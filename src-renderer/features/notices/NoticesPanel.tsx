import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsoleNotification } from '../../../src-shared/protocol/supervisor-entities';
import { useOpenBroadcasts, useUnreadNotifications } from '../../data/notice-hooks';
import { useAppStore } from '../../store/store';
import { acknowledgeBroadcast, markNotificationRead } from '../../sync/notice-commands';
import { evaluationScreenOf, noticeText } from './notice-text';
import { useNoticeAnnouncer } from './use-notice-announcer';

const COLORS = { info: 'blue', warning: 'orange', critical: 'red' } as const;

/**
 * What this person was told, until they acknowledge it: supervisors' broadcasts to their team or
 * queue, and notices about them (a contact moved away and why, a state a supervisor set, an
 * evaluation released, acknowledged, disputed or resolved). A notice about an evaluation opens it.
 */
export function NoticesPanel() {
  const { t } = useTranslation();
  const userId = useAppStore((s) => s.user?.id);
  const broadcasts = useOpenBroadcasts(userId) ?? [];
  const notifications = useUnreadNotifications(userId) ?? [];
  const navigate = useAppStore((s) => s.navigate);
  const requestEvaluation = useAppStore((s) => s.requestEvaluation);
  useNoticeAnnouncer(broadcasts, notifications);
  if (broadcasts.length === 0 && notifications.length === 0) return null;
  const ignoreOffline = () => undefined; // the notice stays until the acknowledgement gets through
  const open = (n: ConsoleNotification, screen: 'quality' | 'coaching') => {
    requestEvaluation(n.params.evaluationId ?? null);
    navigate(screen);
    void markNotificationRead(n.id).catch(ignoreOffline);
  };
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
            <Group gap="xs" wrap="nowrap">
              <NoticeOpenButton notification={n} onOpen={open} />
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => void markNotificationRead(n.id).catch(ignoreOffline)}
              >
                {t('notices.acknowledge')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

function NoticeOpenButton({
  notification,
  onOpen,
}: {
  notification: ConsoleNotification;
  onOpen: (n: ConsoleNotification, screen: 'quality' | 'coaching') => void;
}) {
  const { t } = useTranslation();
  const screen = evaluationScreenOf(notification);
  if (!screen) return null;
  return (
    <Button size="compact-sm" onClick={() => onOpen(notification, screen)}>
      {t('notices.openEvaluation')}
    </Button>
  );
}
