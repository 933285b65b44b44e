import { Text } from '@mantine/core';
import { formatDuration } from './format-duration';
import { useNow } from './use-now';

/** A clock counting up from `since`, ticking every second. */
export function TimeInState({ since }: { since: string }) {
  const now = useNow();
  return (
    <Text component="span" ff="monospace" size="sm">
      {formatDuration(now - Date.parse(since))}
    </Text>
  );
}
