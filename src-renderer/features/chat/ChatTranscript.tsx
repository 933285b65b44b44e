import { Box, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src-shared/protocol/entities';

/** The lines of a chat, the visitor's on the left and ours on the right; newest in view. */
export function ChatTranscript({ lines, visitorName }: { lines: Message[]; visitorName: string }) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [lines.length]);
  return (
    <ScrollArea.Autosize mah={260} viewportRef={viewport} type="auto">
      <Stack gap={6} role="log" aria-label={t('chat.transcript')} data-testid="chat-transcript">
        {lines.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('chat.empty')}
          </Text>
        )}
        {lines.map((line) => {
          const isOurs = line.direction === 'outbound';
          return (
            <Box key={line.id} style={{ alignSelf: isOurs ? 'flex-end' : 'flex-start', maxWidth: '85%' }}>
              <Paper
                px="sm"
                py={6}
                radius="md"
                bg={isOurs ? 'blue.0' : 'gray.1'}
                data-testid="chat-line"
                data-direction={line.direction}
              >
                <Text size="xs" fw={700} c="dimmed">
                  {isOurs ? line.fromName : line.fromName || visitorName}
                  {line.delivery === 'queued' ? ` · ${t('chat.sending')}` : ''}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {line.bodyText}
                </Text>
              </Paper>
            </Box>
          );
        })}
      </Stack>
    </ScrollArea.Autosize>
  );
}
