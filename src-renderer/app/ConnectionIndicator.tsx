import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveUntil } from '../data/live-age-hooks';
import { useUnsentCount } from '../data/outbox-hooks';
import { useAppStore } from '../store/store';
import { useNow } from '../ui/use-now';
import { dataAgeOf, type DataAge } from './data-age';

const COLORS = {
  online: 'green',
  reconnecting: 'yellow',
  offline: 'red',
} as const;

const AGE_TICK_MS = 15_000;

/**
 * Online / Reconnecting / Offline, and how many writes wait in the outbox. Not online, it says how
 * old the cached data on screen is, so nothing passes for live.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.connection);
  const unsent = useUnsentCount();
  const liveUntil = useLiveUntil();
  const now = useNow(AGE_TICK_MS);
  const label = t(`connection.${status}`);
  const age = status !== 'online' && liveUntil !== null ? dataAgeOf(liveUntil, now) : null;
  const ageText = (a: DataAge) =>
    a.unit === 'justNow'
      ? t('connection.dataAge.justNow')
      : t(`connection.dataAge.${a.unit}`, { count: a.count });
  return (
    <Group gap="xs" role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <Badge color={COLORS[status]} variant="dot" tt="none" data-testid="connection-label">
        {age ? t('connection.withAge', { status: label, age: ageText(age) }) : label}
      </Badge>
      {unsent > 0 && (
        <Badge color="orange" variant="light" data-testid="unsent-count">
          {t('connection.unsent', { count: unsent })}
        </Badge>
      )}
    </Group>
  );
}
