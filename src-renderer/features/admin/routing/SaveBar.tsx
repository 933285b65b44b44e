import { Alert, Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/store';

/** What the last save said, shown under the form. */
export interface SaveStatus {
  color: 'green' | 'red' | 'yellow';
  text: string;
}

/** Save (live only: disabled with a reason while offline) and what happened the last time. */
export function SaveBar({
  busy,
  status,
  onReset,
}: {
  busy: boolean;
  status: SaveStatus | null;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const isOnline = useAppStore((s) => s.connection === 'online');
  return (
    <>
      {status && (
        <Alert
          color={status.color}
          role={status.color === 'green' ? 'status' : 'alert'}
          data-testid="save-status"
        >
          {status.text}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onReset} disabled={busy}>
          {t('routingAdmin.undoChanges')}
        </Button>
        <Tooltip label={t('routingAdmin.onlineOnly')} disabled={isOnline}>
          <Button type="submit" loading={busy} disabled={!isOnline}>
            {t('routingAdmin.save')}
          </Button>
        </Tooltip>
      </Group>
    </>
  );
}
