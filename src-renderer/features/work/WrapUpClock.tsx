import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../ui/format-duration';
import { useNow } from '../../ui/use-now';

/** After-contact work time left until the queue's maximum ends it. */
export function WrapUpClock({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const leftMs = Date.parse(dueAt) - now;
  return (
    <Text size="xs" c={leftMs < 30_000 ? 'red' : 'dimmed'} data-testid="wrap-up-left">
      {t('work.wrapUpLeft')}{' '}
      <Text component="span" ff="monospace" size="xs">
        {formatDuration(leftMs)}
      </Text>
    </Text>
  );
}
