import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseNotes } from '../../data/case-hooks';
import { useOutboxProblems } from '../../data/outbox-hooks';
import { RefusedChange } from './RefusedChange';

/** A case's notes; unsent ones marked, refused or conflicting ones explained with a way out. */
export function NoteList({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const notes = useCaseNotes(caseId);
  const problems = useOutboxProblems();
  if (notes?.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('case.noNotes')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="note-list">
      {notes?.map((note) => {
        const problem = problems.find((p) => p.commandId === note.pendingCommandId);
        return (
          <Paper key={note.id} withBorder p="xs" data-testid="note" data-pending={note.isPending}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {note.authorName}
              </Text>
              <Group gap={4}>
                <Badge size="xs" color={note.visibility === 'internal' ? 'gray' : 'blue'}>
                  {t(`case.visibility.${note.visibility}`)}
                </Badge>
                {note.isPending && !problem && (
                  <Badge size="xs" color="orange" data-testid="note-unsent">
                    {t('case.unsent')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {new Date(note.createdAt).toLocaleString(i18n.language)}
                </Text>
              </Group>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
            {problem?.problem && (
              <RefusedChange
                message={t(problem.status === 'conflict' ? 'case.conflict' : 'case.failed', {
                  reason: problem.problem.message,
                })}
                commandId={problem.commandId}
              />
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
