import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '../../../src-shared/protocol/canned-responses';
import { useQueues, useTeams } from '../../data/directory-hooks';
import { newId } from '../../data/new-id';
import { useAppStore } from '../../store/store';
import { loadCannedResponses } from '../../sync/canned-reads';
import { runOnlineCommand } from '../../sync/online-command';
import { CannedEditor } from './CannedEditor';
import { formOf, newCannedForm, payloadOf, type CannedForm } from './canned-form';

/**
 * Supervisors and admins manage canned responses: the ones they may use, a form to write or
 * edit one, and Archive. The server decides where each may be shared (its refusal is shown).
 */
export function CannedResponsesTab() {
  const { t } = useTranslation();
  const me = useAppStore((s) => s.user);
  const teams = useTeams() ?? [];
  const queues = useQueues() ?? [];
  const [responses, setResponses] = useState<CannedResponse[] | null>(null);
  const [form, setForm] = useState<CannedForm | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = useCallback(() => {
    loadCannedResponses()
      .then(setResponses)
      .catch((err: unknown) =>
        setMessage({ ok: false, text: t('canned.loadFailed', { reason: (err as Error).message }) }),
      );
  }, [t]);
  useEffect(reload, [reload]);

  async function save(next: CannedForm, archived = false) {
    setSaving(true);
    setMessage(null);
    try {
      const saved = await runOnlineCommand({
        type: 'canned-response:save',
        payload: payloadOf(next, archived),
        expectedVersion: next.version,
      });
      setForm(null);
      setMessage({
        ok: true,
        text: t(archived ? 'canned.archived' : 'canned.saved', { title: saved.title }),
      });
      reload();
    } catch (err) {
      setMessage({ ok: false, text: t('canned.failed', { reason: (err as Error).message }) });
    } finally {
      setSaving(false);
    }
  }

  const scopeOf = (r: CannedResponse) =>
    r.queueId
      ? (queues.find((q) => q.id === r.queueId)?.name ?? r.queueId)
      : r.teamId
        ? (teams.find((team) => team.id === r.teamId)?.name ?? r.teamId)
        : t('canned.scopeEverywhere');

  return (
    <Stack>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role="status" data-testid="canned-status">
          {message.text}
        </Alert>
      )}
      {form ? (
        <CannedEditor
          form={form}
          onChange={setForm}
          onSave={() => void save(form)}
          onCancel={() => setForm(null)}
          isSaving={isSaving}
        />
      ) : (
        <Group>
          <Button onClick={() => setForm(newCannedForm(newId(), me?.teamId ?? null))}>
            {t('canned.create')}
          </Button>
        </Group>
      )}
      {responses?.length === 0 && <Text>{t('canned.empty')}</Text>}
      <Table striped aria-label={t('canned.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('canned.title')}</Table.Th>
            <Table.Th>{t('canned.language')}</Table.Th>
            <Table.Th>{t('canned.scope')}</Table.Th>
            <Table.Th />
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {responses?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.title}</Table.Td>
              <Table.Td>{r.language.toUpperCase()}</Table.Td>
              <Table.Td>{scopeOf(r)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.shared ? 'blue' : 'gray'}>
                  {r.shared ? t('canned.sharedBadge') : t('canned.personal')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setForm(formOf(r))}
                    aria-label={t('canned.editOf', { title: r.title })}
                  >
                    {t('canned.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    onClick={() => void save(formOf(r), true)}
                    aria-label={t('canned.archiveOf', { title: r.title })}
                  >
                    {t('canned.archive')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
