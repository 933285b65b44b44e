import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveChatLine } from '../../data/chat-repository';
import { useAppStore } from '../../store/store';
import { sendAgentTyping } from '../../sync/chat-typing';
import { CannedPicker } from '../canned/CannedPicker';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { appendText } from '../canned/canned-options';

/** After this long without a keystroke, the visitor is told the agent stopped typing. */
const TYPING_IDLE_MS = 2_000;

/** "Chat message" + "Send": the line is saved locally first (outbox), then sent. */
export function ChatComposer({ contactId, caseId }: { contactId: string; caseId: string }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const messageBox = useRef<HTMLTextAreaElement>(null);
  useShortcuts({ reply: () => messageBox.current?.focus() });

  const stopTyping = () => {
    if (!typing.current) return;
    clearTimeout(typing.current);
    typing.current = null;
    sendAgentTyping(contactId, false);
  };
  useEffect(() => stopTyping, [contactId]); // eslint-disable-line react-hooks/exhaustive-deps

  function onType(value: string) {
    setBody(value);
    if (typing.current) clearTimeout(typing.current);
    else sendAgentTyping(contactId, true);
    typing.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  async function send() {
    if (!user) return;
    if (!body.trim()) return setError(t('chat.emptyLine'));
    try {
      await saveChatLine(user, { contactId, caseId }, body);
      setBody('');
      setError(null);
      stopTyping();
    } catch (err) {
      setError(t('chat.failed', { reason: (err as Error).message }));
    }
  }

  return (
    <Stack gap={4}>
      <CannedPicker caseId={caseId} onInsert={(text) => onType(appendText(body, text))} />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          ref={messageBox}
          label={t('chat.message')}
          value={body}
          onChange={(e) => onType(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send();
            }
          }}
          error={error}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={5000}
          style={{ flex: 1 }}
        />
        <Button onClick={() => void send()}>{t('chat.send')}</Button>
      </Group>
    </Stack>
  );
}
