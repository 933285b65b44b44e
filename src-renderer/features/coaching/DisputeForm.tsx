import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import { storeEvaluation } from '../../data/coaching-repository';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';

/** The agent's disagreement with one or more criteria, each with its reason. */
export function DisputeForm({ evaluationId, content }: { evaluationId: string; content: ScorecardContent }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<{ key: string; reason: string }[]>([]);
  const [key, setKey] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const criteria = content.sections.flatMap((s) => s.criteria).filter((c) => c.kind !== 'text');
  const labelOf = (k: string) => criteria.find((c) => c.key === k)?.label ?? k;
  const pending =
    key && reason.trim() ? [...items.filter((i) => i.key !== key), { key, reason: reason.trim() }] : items;

  const send = async () => {
    setError(null);
    try {
      await runCoachingCommand(
        { type: COACHING_COMMAND_TYPES.disputeEvaluation, payload: { evaluationId, items: pending } },
        storeEvaluation,
      );
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('qa.dispute.title')}>
      <Group grow align="flex-end">
        <Select
          label={t('qa.dispute.criterion')}
          data={criteria.map((c) => ({ value: c.key, label: c.label }))}
          value={key}
          onChange={setKey}
        />
        <Textarea
          label={t('qa.dispute.reason')}
          value={reason}
          autosize
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button
          variant="light"
          disabled={!key || !reason.trim()}
          onClick={() => {
            setItems(pending);
            setKey(null);
            setReason('');
          }}
        >
          {t('qa.dispute.another')}
        </Button>
        <Button color="orange" disabled={pending.length === 0} onClick={() => void send()}>
          {t('qa.dispute.send', { count: pending.length })}
        </Button>
      </Group>
      {items.map((item) => (
        <Alert key={item.key} p="xs" variant="outline">
          {labelOf(item.key)}: {item.reason}
        </Alert>
      ))}
      {error && (
        <Alert color="red" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
