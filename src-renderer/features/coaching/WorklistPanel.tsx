import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkItem } from '../../../src-shared/protocol/coaching-sampling';
import type { Agent } from '../../../src-shared/protocol/entities';
import { fetchAgentContacts, fetchWorklist } from '../../sync/coaching-reads';
import { SamplingPlansPanel } from './SamplingPlansPanel';
import { useLiveRead } from './use-live-read';

const STATUS_COLOR = { overdue: 'red', due: 'blue', done: 'gray' } as const;

interface Props {
  agents: readonly Agent[];
  onOpenContact(contactId: string): void;
}

/** What the coach has to evaluate (sampled: due and overdue), and picking a contact by hand. */
export function WorklistPanel({ agents, onOpenContact }: Props) {
  const { t } = useTranslation();
  const worklist = useLiveRead(fetchWorklist, 'worklist');
  const nameOf = (id: string) => agents.find((a) => a.id === id)?.displayName ?? id;
  const items: WorkItem[] = worklist.data ?? [];
  // The contact as a coach recognises it: channel, when it ended, what it was about.
  const contactLine = ({ contact, contactId }: WorkItem) =>
    contact
      ? [
          t(`reports.channels.${contact.channel}`),
          contact.endedAt ? new Date(contact.endedAt).toLocaleString() : null,
          contact.subject || contact.from,
        ]
          .filter(Boolean)
          .join(' · ')
      : contactId;
  return (
    <Stack gap="lg">
      <section aria-label={t('qa.worklist.title')}>
        <Title order={3}>{t('qa.worklist.title')}</Title>
        {worklist.failed && <Alert color="yellow">{t('qa.loadFailed')}</Alert>}
        {worklist.data && items.length === 0 && <Text c="gray.7">{t('qa.worklist.empty')}</Text>}
        {items.length > 0 && (
          <Table data-testid="worklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('qa.worklist.agent')}</Table.Th>
                <Table.Th>{t('qa.worklist.contact')}</Table.Th>
                <Table.Th>{t('qa.worklist.source')}</Table.Th>
                <Table.Th>{t('qa.worklist.due')}</Table.Th>
                <Table.Th>{t('qa.worklist.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.contactId}-${item.planId ?? 'manual'}`}>
                  <Table.Td>{item.agentName}</Table.Td>
                  <Table.Td title={item.contactId}>{contactLine(item)}</Table.Td>
                  <Table.Td>{t(`qa.worklist.sources.${item.source}`)}</Table.Td>
                  <Table.Td>{item.dueAt ? new Date(item.dueAt).toLocaleDateString() : '–'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[item.status]}>
                      {t(`qa.worklist.statuses.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onOpenContact(item.contactId)}
                      aria-label={t('qa.worklist.evaluateContact', {
                        contact: `${item.agentName}, ${contactLine(item)}`,
                      })}
                    >
                      {t('qa.worklist.evaluate')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <PickByHand agents={agents} onOpenContact={onOpenContact} />
      <SamplingPlansPanel nameOf={nameOf} onDrawn={worklist.reload} />
    </Stack>
  );
}

function PickByHand({ agents, onOpenContact }: Props) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState<string | null>(null);
  const [contactId, setContactId] = useState('');
  const contacts = useLiveRead(
    () => (agentId ? fetchAgentContacts(agentId) : Promise.resolve([])),
    agentId ?? '',
  );
  return (
    <section aria-label={t('qa.worklist.pick')}>
      <Title order={3}>{t('qa.worklist.pick')}</Title>
      <Group align="flex-end">
        <Select
          label={t('qa.worklist.agent')}
          data={agents.map((a) => ({ value: a.id, label: a.displayName }))}
          value={agentId}
          searchable
          onChange={setAgentId}
        />
        <Select
          label={t('qa.worklist.agentContact')}
          data={(contacts.data ?? []).map((c) => ({
            value: c.id,
            label: `${new Date(c.createdAt).toLocaleString()} · ${t(`reports.channels.${c.channel}`)} · ${c.subject || c.from}`,
          }))}
          value={null}
          disabled={!agentId}
          onChange={(id) => id && onOpenContact(id)}
        />
        <TextInput
          label={t('qa.worklist.contactId')}
          value={contactId}
          onChange={(e) => setContactId(e.currentTarget.value)}
        />
        <Button variant="light" disabled={!contactId.trim()} onClick={() => onOpenContact(contactId.trim())}>
          {t('qa.worklist.open')}
        </Button>
      </Group>
    </section>
  );
}
