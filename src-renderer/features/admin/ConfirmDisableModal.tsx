import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminUser } from '../../../src-shared/protocol/entities';
import { applyUserAnswer } from '../../data/sync-repository';
import { runOnlineCommand } from '../../sync/online-command';

/** Confirms disabling (which ends the person's live sessions) or enabling an account. */
export function ConfirmDisableModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabling = user ? !user.disabled : false;

  async function confirm() {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const entity = AdminUser.safeParse(
        await runOnlineCommand({
          type: 'user:set-disabled',
          payload: { userId: user.id, disabled: disabling },
        }),
      );
      if (entity.success) await applyUserAnswer(entity.data);
      onClose();
    } catch (err) {
      setError(t('admin.failed', { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const title = disabling ? t('admin.disable') : t('admin.enable');
  return (
    <Modal opened={user !== null} onClose={onClose} title={title} centered>
      <Text>
        {user &&
          t(disabling ? 'admin.confirmDisable' : 'admin.confirmEnable', {
            name: user.displayName,
          })}
      </Text>
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={disabling ? 'red' : 'green'} loading={busy} onClick={() => void confirm()}>
          {title}
        </Button>
      </Group>
    </Modal>
  );
}
