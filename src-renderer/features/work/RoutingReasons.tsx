import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoutingReason } from '../../../src-shared/protocol/contacts';

/** Routing reason codes in the agent's language. */
export function RoutingReasons({ reasons }: { reasons: RoutingReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('work.noReasons')}
      </Text>
    );
  return (
    <Group gap={4}>
      {reasons.map((reason) => (
        <Badge key={reason} variant="light" color="gray" size="sm" tt="none">
          {t(`routingReasons.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}
