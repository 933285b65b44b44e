import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue, Team } from '../../../src-shared/protocol/entities';
import { newId } from '../../data/new-id';
import { sendBroadcast } from '../../sync/supervisor-api';

type Severity = 'info' | 'warning' | 'critical';

/** A message to a team's or a queue's agents, shown on their consoles until they acknowledge it. */
export function BroadcastDialog({
  teams,
  queues,
  onClose,
}: {
  teams: Team[];
  queues: Queue[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'team' | 'queue'>('team');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [severity, setSeverity] = useState<Severity>('info');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  // One id per dialog: a retry after a lost answer sends the same broadcast once.
  const [broadcastId] = useState(newId);
  async function send() {
    if (!targetId) return;
    setSending(true);
    setProblem(null);
    try {
      await sendBroadcast({
        broadcastId,
        audience: kind === 'team' ? { kind, teamId: targetId } : { kind, queueId: targetId },
        message: message.trim(),
        severity,
      });
      onClose();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  }
  const options = kind === 'team' ? teams : queues;
  return (
    <Modal opened onClose={onClose} title={t('broadcast.title')}>
      <Stack>
        <SegmentedControl
          aria-label={t('broadcast.audience')}
          value={kind}
          onChange={(value) => {
            setKind(value === 'queue' ? 'queue' : 'team');
            setTargetId(null);
          }}
          data={[
            { value: 'team', label: t('broadcast.team') },
            { value: 'queue', label: t('broadcast.queue') },
          ]}
        />
        <Select
          label={kind === 'team' ? t('broadcast.team') : t('broadcast.queue')}
          value={targetId}
          onChange={setTargetId}
          data={options.map((o) => ({ value: o.id, label: o.name }))}
          searchable
        />
        <Textarea
          label={t('broadcast.message')}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={3}
        />
        <Select
          label={t('broadcast.severity')}
          value={severity}
          onChange={(value) => value && setSeverity(value as Severity)}
          allowDeselect={false}
          data={(['info', 'warning', 'critical'] as const).map((s) => ({
            value: s,
            label: t(`broadcast.severities.${s}`),
          }))}
        />
        {problem && (
          <Alert color="red" role="alert">
            {t('broadcast.failed', { reason: problem })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button loading={isSending} disabled={!targetId || !message.trim()} onClick={() => void send()}>
            {t('broadcast.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
