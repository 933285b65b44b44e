import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQueues } from '../../data/board-hooks';
import { useActiveAlerts } from '../../data/contact-hooks';

const COLORS = {
  nobody_logged_in: 'red',
  sla_at_risk: 'orange',
  long_wait: 'yellow',
  missed_offers: 'orange',
  wrap_up_overrun: 'blue',
  away_over_limit: 'blue',
} as const;

/** Queue alerts still raised, newest first; the list is an alert region so new ones are announced. */
export function AlertsPanel() {
  const { t, i18n } = useTranslation();
  const alerts = useActiveAlerts() ?? [];
  const queues = useQueues() ?? [];
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t('queueBoard.alertsTitle')}
      </Title>
      {alerts.length === 0 && <Text c="dimmed">{t('queueBoard.noAlerts')}</Text>}
      <Stack gap="xs" role="alert" aria-label={t('queueBoard.alertsTitle')}>
        {alerts.map((alert) => (
          <Group key={alert.id} gap="sm" wrap="nowrap" data-alert={alert.kind} data-queue={alert.queueId}>
            <Badge color={COLORS[alert.kind]} variant="filled" miw={150}>
              {t(`queueBoard.alertKinds.${alert.kind}`)}
            </Badge>
            <Text size="sm">
              {t('queueBoard.alertLine', {
                queue: queues.find((q) => q.id === alert.queueId)?.name ?? alert.queueId,
                count: alert.waiting,
                time: time.format(new Date(alert.at)),
              })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
