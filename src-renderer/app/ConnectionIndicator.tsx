import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsentCount } from '../data/outbox-hooks';
import { useAppStore } from '../store/store';

const COLORS = {
  online: 'green',
  reconnecting: 'yellow',
  offline: 'red',
} as const;

/** Online / Reconnecting / Offline, and how many writes wait in the outbox. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.connection);
  const unsent = useUnsentCount();
  return (
    <Group gap="xs" role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <Badge color={COLORS[status]} variant="dot">
        {t(`connection.${status}`)}
      </Badge>
      {unsent > 0 && (
        <Badge color="orange" variant="light" data-testid="unsent-count">
          {t('connection.unsent', { count: unsent })}
        </Badge>
      )}
    </Group>
  );
}
