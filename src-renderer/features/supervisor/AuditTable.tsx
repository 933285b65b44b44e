import { Alert, Badge, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reassignment } from '../../../src-shared/protocol/supervisor-entities';
import { useReassignmentCount } from '../../data/reassignment-hooks';
import { fetchReassignments } from '../../sync/supervisor-api';
import type { BoardSnapshot } from '../../data/supervisor-board-hooks';

type AuditState =
  { kind: 'loading' } | { kind: 'failed'; reason: string } | { kind: 'ready'; rows: Reassignment[] };

/** Who moved what, when, from where to where and why: the server's audit, read again on each move. */
export function AuditTable({ snapshot }: { snapshot: BoardSnapshot }) {
  const { t, i18n } = useTranslation();
  const seen = useReassignmentCount();
  const [state, setState] = useState<AuditState>({ kind: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    fetchReassignments().then(
      (rows) => isCurrent && setState({ kind: 'ready', rows }),
      (err: unknown) =>
        isCurrent && setState({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [seen]);
  const agentName = new Map(snapshot.agents.map((a) => [a.id, a.displayName]));
  const queueName = new Map(snapshot.queues.map((q) => [q.id, q.name]));
  const contact = new Map(snapshot.open.map((c) => [c.id, `${c.from} — ${c.subject}`]));
  const where = (agentId: string | null, queueId: string) =>
    agentId ? (agentName.get(agentId) ?? agentId) : (queueName.get(queueId) ?? queueId);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t('audit.title')}
      </Title>
      {state.kind === 'loading' && <Loader />}
      {state.kind === 'failed' && <Alert color="red">{t('audit.failed', { reason: state.reason })}</Alert>}
      {state.kind === 'ready' && state.rows.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {state.kind === 'ready' && state.rows.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label={t('audit.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.contact')}</Table.Th>
                <Table.Th>{t('audit.from')}</Table.Th>
                <Table.Th>{t('audit.to')}</Table.Th>
                <Table.Th>{t('audit.by')}</Table.Th>
                <Table.Th>{t('audit.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.rows.map((row) => (
                <Table.Tr key={row.id} data-reassignment={row.id} data-contact={row.contactId}>
                  <Table.Td>{time.format(new Date(row.at))}</Table.Td>
                  <Table.Td>{contact.get(row.contactId) ?? row.contactId}</Table.Td>
                  <Table.Td>{where(row.fromAgentId, row.fromQueueId)}</Table.Td>
                  <Table.Td>{where(row.toAgentId, row.toQueueId)}</Table.Td>
                  <Table.Td>{row.kind === 'response_timer' ? t('audit.timer') : row.byName}</Table.Td>
                  <Table.Td>
                    {row.reason ?? t('common.none')}{' '}
                    {row.forced && (
                      <Badge color="orange" size="xs">
                        {t('audit.forced')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
