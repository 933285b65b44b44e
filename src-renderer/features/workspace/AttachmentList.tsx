import { Anchor, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../src-shared/protocol/entities';
import { downloadAttachment } from '../../sync/attachment-download';
import { formatFileSize } from './file-size';

/** A message's files by name and size; each downloads (with the session's token) when clicked. */
export function AttachmentList({ files }: { files: AttachmentInfo[] }) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;

  async function download(file: AttachmentInfo) {
    try {
      await downloadAttachment(file);
    } catch (err) {
      notifications.show({
        color: 'red',
        message: t('message.downloadFailed', { reason: (err as Error).message }),
      });
    }
  }

  return (
    <Stack gap={2} mt={6} aria-label={t('message.attachments')} role="list">
      {files.map((file) => (
        <Group key={file.id} gap="xs" role="listitem" data-testid="attachment">
          <Anchor
            component="button"
            size="sm"
            onClick={() => void download(file)}
            aria-label={t('message.download', { name: file.filename })}
          >
            {file.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatFileSize(file.size, i18n.language)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
