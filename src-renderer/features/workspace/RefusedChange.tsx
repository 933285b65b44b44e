import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { discardOutboxEntry } from '../../data/outbox-repository';

/** Under a note or reply the server refused: why, and the way to let it go. */
export function RefusedChange({ message, commandId }: { message: string; commandId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mt={4}>
      <Text size="xs" c="red" role="alert">
        {message}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={() => void discardOutboxEntry(commandId)}
      >
        {t('common.discard')}
      </Button>
    </Group>
  );
}
