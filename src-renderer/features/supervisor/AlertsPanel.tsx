import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import { useActiveAlerts, useContactsById } from '../../data/contact-hooks';
import { acknowledgeAlert } from '../../sync/supervisor-api';
import { supervisesTeam, teamOfAlert } from '../../../src-shared/domain/supervision/team-scope';
import { useAppStore } from '../../store/store';
import { useAlertAnnouncer } from './use-alert-announcer';

const COLORS: Record<string, string> = {
  nobody_logged_in: 'red',
  sla_at_risk: 'orange',
  long_wait: 'yellow',
  wrap_up_overrun: 'blue',
  away_over_limit: 'blue',
  missed_offers: 'orange',
  disconnected_on_call: 'red',
};

/**
 * Alerts still raised, newest first, announced with a sound and a desktop notification when they
 * are raised; the list is an alert region so screen readers hear new ones too.
 */
export function AlertsPanel({ queues, agents }: { queues: Queue[]; agents: Agent[] }) {
  const { t, i18n } = useTranslation();
  const alerts = useActiveAlerts();
  const user = useAppStore((s) => s.user);
  const contactIds = useMemo(() => alerts?.flatMap((a) => a.contactId ?? []) ?? [], [alerts]);
  const contacts = useContactsById(contactIds);
  const lines = useMemo(() => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    return alerts?.map((alert) => {
      const subject =
        queues.find((q) => q.id === alert.queueId)?.name ??
        agents.find((a) => a.id === alert.agentId)?.displayName ??
        alert.queueId ??
        alert.agentId ??
        '';
      const at = time.format(new Date(alert.at));
      const line =
        alert.kind === 'disconnected_on_call'
          ? t('queueBoard.disconnectedOnCallLine', {
              agent: subject,
              contact: contacts?.get(alert.contactId ?? '')?.from ?? t('queueBoard.unknownCaller'),
              time: at,
            })
          : t('queueBoard.alertLine', { queue: subject, count: alert.waiting, time: at });
      return {
        alert,
        mayAcknowledge: user !== null && supervisesTeam(user, teamOfAlert(alert, queues, agents)),
        id: alert.id,
        kind: alert.kind,
        line,
      };
    });
  }, [alerts, contacts, queues, agents, user, t, i18n.language]);
  useAlertAnnouncer(lines);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t('queueBoard.alertsTitle')}
      </Title>
      {lines?.length === 0 && <Text c="dimmed">{t('queueBoard.noAlerts')}</Text>}
      <Stack gap="xs" role="alert" aria-label={t('queueBoard.alertsTitle')}>
        {lines?.map(({ alert, line, mayAcknowledge }) => (
          <Group
            key={alert.id}
            gap="sm"
            wrap="nowrap"
            data-alert={alert.kind}
            data-queue={alert.queueId}
            data-agent={alert.agentId}
          >
            <Badge color={COLORS[alert.kind] ?? 'gray'} variant="filled" miw={150}>
              {t(`queueBoard.alertKinds.${alert.kind}`)}
            </Badge>
            <Text size="sm" style={{ flex: 1 }}>
              {line}
            </Text>
            {alert.acknowledgedByName ? (
              <Text size="xs" c="dimmed">
                {t('alertsBoard.acknowledgedBy', { name: alert.acknowledgedByName })}
              </Text>
            ) : (
              mayAcknowledge && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => void acknowledgeAlert(alert.id).catch(() => undefined)}
                >
                  {t('alertsBoard.acknowledge')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
