import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { IntakeWhy } from '../work/IntakeWhy';
import { CallerPicker } from './CallerPicker';

const STATUS_KEYS = {
  offered: 'popCaller.ringing',
  active: 'popCaller.onContact',
  wrap_up: 'popCaller.wrapUp',
} as const;

/**
 * The top of the pop while a contact is mine: what it is and where it stands; who it is from
 * when nobody (or several people) matched; and a way to correct the match.
 */
export function CallerBar({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const [isChanging, setChanging] = useState(false);
  const key = STATUS_KEYS[contact.status as keyof typeof STATUS_KEYS];
  if (!key) return null;
  const channel = t(`reports.channels.${contact.channel}`);
  const isUnknown = contact.customerId === null;
  return (
    <Stack gap="xs" mb="sm" data-testid="caller-bar">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} c={contact.status === 'offered' ? 'blue' : undefined} aria-live="polite">
          {t(key, { channel, from: contact.from })}
        </Text>
        {!isUnknown && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setChanging((v) => !v)}
            aria-expanded={isChanging}
          >
            {isChanging ? t('popCaller.cancelChange') : t('popCaller.change')}
          </Button>
        )}
      </Group>
      <IntakeWhy contact={contact} />
      {contact.reasons.includes('contract_expired_inside_sales') && (
        <Alert color="red" p="xs" data-testid="inside-sales">
          {t('popCaller.expiredInsideSales')}
        </Alert>
      )}
      {(isUnknown || isChanging) && <CallerPicker contact={contact} onDone={() => setChanging(false)} />}
    </Stack>
  );
}
