import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageDelivery } from '../../../src-shared/protocol/entities';

const COLORS: Record<MessageDelivery, string> = { queued: 'orange', sent: 'green', failed: 'red' };

/** Where an outbound email stands: Queued, Sent or Failed. */
export function DeliveryBadge({ delivery }: { delivery: MessageDelivery }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color={COLORS[delivery]} data-testid="message-delivery" data-delivery={delivery}>
      {t(`message.delivery.${delivery}`)}
    </Badge>
  );
}
