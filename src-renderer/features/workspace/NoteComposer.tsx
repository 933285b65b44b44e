import { Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteVisibility } from '../../../src-shared/protocol/entities';
import { saveNote } from '../../data/notes-repository';
import { useAppStore } from '../../store/store';
import { shortcutKeyHandler, useShortcuts } from '../keyboard/use-shortcuts';

/**
 * "Note" + visibility + "Save note": saved locally at once (outbox), sent when the link is up.
 * Alt+N puts the cursor in the note; Ctrl/⌘+Enter there saves it.
 */
export function NoteComposer({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  useShortcuts({ focusNote: () => noteBox.current?.focus() });

  async function save() {
    if (!user) return;
    if (!body.trim()) return setError(t('note.empty'));
    setSaving(true);
    try {
      await saveNote(user, { caseId, body, visibility });
      setBody('');
      setError(null);
      if (!isOnline)
        notifications.show({
          color: 'orange',
          message: t('note.savedOffline'),
        });
    } catch (err) {
      setError(t('note.failed', { reason: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="xs">
      <Textarea
        ref={noteBox}
        label={t('note.label')}
        value={body}
        onKeyDown={shortcutKeyHandler('saveNote', () => void save())}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={error}
        autosize
        minRows={3}
        maxLength={20_000}
      />
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('note.visibility')}
          value={visibility}
          onChange={(v) => setVisibility(v === 'public' ? 'public' : 'internal')}
          data={[
            { value: 'internal', label: t('case.visibility.internal') },
            { value: 'public', label: t('case.visibility.public') },
          ]}
        />
        <Button onClick={() => void save()} loading={saving}>
          {t('note.save')}
        </Button>
      </Group>
    </Stack>
  );
}
