import { Alert, Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../src-shared/protocol/interactions';
import { dispositionLabel } from '../work/disposition-label';
import { useInteractions } from '../../data/interactions-repository';
import { loadInteractions } from '../../sync/remote-reads';
import { usePopContact } from './use-pop-contact';
import { useRefresh } from './use-refresh';

/**
 * The customer's last contacts on every channel: channel, date, queue and outcome (the agent's
 * disposition, else how it stands). Read again whenever the contact in the pop changes, so the
 * call just wrapped up is there for the next one.
 */
export function LastInteractions({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const interactions = useInteractions(customerId);
  const contact = usePopContact();
  const refreshKey = `${customerId}|${contact?.id ?? ''}|${contact?.status ?? ''}`;
  const load = useCallback(() => loadInteractions(customerId), [customerId]);
  const failed = useRefresh(refreshKey, load);
  return (
    <Stack gap={4} role="group" aria-label={t('interactions.title')}>
      <Text fw={600}>{t('interactions.title')}</Text>
      {failed && (
        <Alert color="yellow" p="xs">
          {t('interactions.loadFailed')}
        </Alert>
      )}
      {interactions?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('interactions.none')}
        </Text>
      )}
      {interactions && interactions.length > 0 && (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {(['when', 'queue', 'outcome', 'case'] as const).map((column) => (
                <Table.Th key={column}>
                  <VisuallyHidden>{t(`interactions.columns.${column}`)}</VisuallyHidden>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {interactions.map((interaction) => (
              <InteractionRow key={interaction.contactId} interaction={interaction} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function InteractionRow({ interaction }: { interaction: Interaction }) {
  const { t, i18n } = useTranslation();
  const date = new Date(interaction.at).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const outcome = interaction.disposition
    ? dispositionLabel(interaction.disposition)
    : t(`interactions.outcomes.${interaction.status}`);
  return (
    <Table.Tr data-testid="interaction" data-channel={interaction.channel}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" size="sm">
            {t(`reports.channels.${interaction.channel}`)}
          </Badge>
          <Text size="sm">{date}</Text>
        </Group>
      </Table.Td>
      <Table.Td>{interaction.queueName}</Table.Td>
      <Table.Td data-testid="interaction-outcome">{outcome}</Table.Td>
      <Table.Td c="dimmed">
        {interaction.caseNumber !== null && t('interactions.caseNumber', { number: interaction.caseNumber })}
      </Table.Td>
    </Table.Tr>
  );
}
