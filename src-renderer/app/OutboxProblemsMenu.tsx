import { Badge, Button, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { useOutboxProblems } from '../data/outbox-hooks';
import { discardOutboxEntry } from '../data/outbox-repository';

/**
 * Writes the server refused or found in conflict, wherever they were made: each with the server's
 * reason and a way to discard it — nothing is dropped without the person knowing.
 */
// i18next reads ':' as a namespace separator, so command types map onto plain keys.
const TYPE_KEYS = Object.fromEntries(Object.entries(COMMAND_TYPES).map(([key, type]) => [type, key]));

export function OutboxProblemsMenu() {
  const { t } = useTranslation();
  const problems = useOutboxProblems();
  if (problems.length === 0) return null;
  return (
    <Popover width={360} position="bottom-end" shadow="md">
      <Popover.Target>
        <UnstyledButton data-testid="outbox-problems">
          <Badge color="red" variant="filled">
            {t('connection.problems', { count: problems.length })}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          {t('connection.problemsTitle')}
        </Text>
        <Stack gap="xs">
          {problems.map((entry) => (
            <Group key={entry.commandId} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm">
                  {t(`connection.commandTypes.${TYPE_KEYS[entry.type] ?? 'unknown'}`, {
                    defaultValue: entry.type,
                  })}
                </Text>
                <Text size="xs" c="red">
                  {entry.problem?.message}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                onClick={() => void discardOutboxEntry(entry.commandId)}
              >
                {t('common.discard')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
