import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import type { ImpactQuery } from '../../../src-shared/protocol/supervision';
import { useAppStore } from '../../store/store';
import { reassignContact, reassignProblemOf } from '../../sync/supervisor-api';
import { ImpactPanel } from './ImpactPanel';
import { useImpact } from './use-impact';

interface ReassignDialogProps {
  contact: Contact;
  agents: Agent[];
  queues: Queue[];
  nameOf: (contactId: string) => string;
  onClose: () => void;
}

/**
 * Moves a held, offered or waiting contact to a named agent or to a queue, with a reason and an
 * optional response timer; the impact on the other waiting customers shows before confirming.
 */
export function ReassignDialog({ contact, agents, queues, nameOf, onClose }: ReassignDialogProps) {
  const { t } = useTranslation();
  const isOnline = useAppStore((s) => s.connection === 'online');
  const [targetKind, setTargetKind] = useState<'agent' | 'queue'>('agent');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [queueId, setQueueId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [timerMinutes, setTimerMinutes] = useState<number | ''>('');
  const [fallbackQueueId, setFallbackQueueId] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; canForce: boolean } | null>(null);
  const [isSending, setSending] = useState(false);
  const targetId = targetKind === 'agent' ? agentId : queueId;
  const query: ImpactQuery | null = targetId
    ? targetKind === 'agent'
      ? { action: 'reassign', agentId: targetId }
      : { action: 'reassign', queueId: targetId }
    : null;
  const impact = useImpact(contact.id, query);
  const candidates = agents.filter(
    (a) => a.roles.includes('agent') && !a.disabled && a.state !== 'offline' && a.id !== contact.agentId,
  );

  async function confirm(force: boolean) {
    if (!targetId) return;
    setSending(true);
    setProblem(null);
    try {
      const hasTimer = targetKind === 'agent' && timerMinutes !== '';
      await reassignContact({
        contactId: contact.id,
        ...(targetKind === 'agent' ? { agentId: targetId } : { queueId: targetId }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        force,
        expectedAgentId: contact.status === 'queued' ? null : contact.agentId,
        ...(hasTimer ? { responseTimerMin: timerMinutes } : {}),
        ...(hasTimer && fallbackQueueId ? { fallback: { queueId: fallbackQueueId } } : {}),
      });
      onClose();
    } catch (err) {
      const found = reassignProblemOf(err);
      const reasons =
        found.kind === 'refused' ? found.reasons.map((r) => t(`routingReasons.${r}`, r)).join(', ') : '';
      setProblem(
        found.kind === 'refused'
          ? {
              message: t(found.overridable ? 'reassign.capacityRefused' : 'reassign.failed', {
                reason: reasons,
              }),
              canForce: found.overridable && !force,
            }
          : found.kind === 'moved'
            ? {
                message: t('reassign.moved', { holder: found.agentName ?? t('reassign.aQueue') }),
                canForce: false,
              }
            : { message: t('reassign.failed', { reason: found.message }), canForce: false },
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('reassign.title', { subject: nameOf(contact.id) })} size="lg">
      <Stack>
        <SegmentedControl
          aria-label={t('reassign.target')}
          value={targetKind}
          onChange={(kind) => setTargetKind(kind === 'queue' ? 'queue' : 'agent')}
          data={[
            { value: 'agent', label: t('reassign.toAgent') },
            { value: 'queue', label: t('reassign.toQueue') },
          ]}
        />
        {targetKind === 'agent' ? (
          <Select
            label={t('reassign.agent')}
            searchable
            value={agentId}
            onChange={setAgentId}
            data={candidates.map((a) => ({
              value: a.id,
              label: `${a.displayName} · ${t(`agentState.states.${a.state}`)}`,
            }))}
          />
        ) : (
          <Select
            label={t('reassign.queue')}
            searchable
            value={queueId}
            onChange={setQueueId}
            data={queues.map((q) => ({ value: q.id, label: q.name }))}
          />
        )}
        <Textarea
          label={t('reassign.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        {targetKind === 'agent' && (
          <Group grow align="flex-start">
            <NumberInput
              label={t('reassign.timer')}
              description={t('reassign.timerHint')}
              min={1}
              max={480}
              value={timerMinutes}
              onChange={(value) => setTimerMinutes(typeof value === 'number' ? value : '')}
            />
            <Select
              label={t('reassign.fallback')}
              placeholder={t('reassign.fallbackNone')}
              clearable
              disabled={timerMinutes === ''}
              value={fallbackQueueId}
              onChange={setFallbackQueueId}
              data={queues.map((q) => ({ value: q.id, label: q.name }))}
            />
          </Group>
        )}
        {impact && <ImpactPanel state={impact} nameOf={nameOf} />}
        {problem && (
          <Alert color="red" role="alert">
            <Text size="sm">{problem.message}</Text>
          </Alert>
        )}
        {!isOnline && (
          <Text size="sm" c="dimmed" data-testid="reassign-needs-server">
            {t('offline.reassignNeedsServer')}
          </Text>
        )}
        <Group justify="flex-end">
          {problem?.canForce && (
            <Button
              color="orange"
              loading={isSending}
              disabled={!isOnline}
              onClick={() => void confirm(true)}
            >
              {t('reassign.force')}
            </Button>
          )}
          <Button
            loading={isSending}
            disabled={!isOnline || !targetId || !impact || impact.kind === 'loading'}
            onClick={() => void confirm(false)}
          >
            {t('reassign.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
