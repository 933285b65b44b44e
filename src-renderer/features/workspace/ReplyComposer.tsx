import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCase } from '../../data/case-hooks';
import { saveReply } from '../../data/replies-repository';
import { useReplyAddress } from '../../data/reply-hooks';
import { useAppStore } from '../../store/store';
import { CannedPicker } from '../canned/CannedPicker';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { appendText } from '../canned/canned-options';

const MAX_REPLY_LENGTH = 50_000;

/**
 * "Reply" + "Send reply" on a case with an email address: saved on this computer at once
 * (outbox) and shown Queued, sent by the server when the link is up, then shown Sent or Failed.
 */
export function ReplyComposer({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const kase = useCase(caseId);
  const address = useReplyAddress(caseId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  useShortcuts({ reply: () => replyBox.current?.focus() });
  if (!kase || !address) return null;

  async function send() {
    if (!user || !kase || !address) return;
    if (!body.trim()) return setError(t('reply.empty'));
    setSaving(true);
    try {
      await saveReply(user, { kase, expectedTo: address, body });
      setBody('');
      setError(null);
      if (!isOnline) notifications.show({ color: 'orange', message: t('reply.savedOffline') });
    } catch (err) {
      setError(t('reply.failed', { reason: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="reply-composer">
      <CannedPicker caseId={caseId} onInsert={(text) => setBody((current) => appendText(current, text))} />
      <Textarea
        ref={replyBox}
        label={t('reply.label')}
        description={t('reply.to', { address })}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={error}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={MAX_REPLY_LENGTH}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('reply.hint')}
        </Text>
        <Button onClick={() => void send()} loading={saving}>
          {t('reply.send')}
        </Button>
      </Group>
    </Stack>
  );
}
