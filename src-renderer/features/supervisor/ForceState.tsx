import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AWAY_REASONS, type Agent } from '../../../src-shared/protocol/entities';
import { forceAgentState } from '../../sync/supervisor-api';

type ForcedReason = Exclude<(typeof AWAY_REASONS)[number], 'missed'>;
const REASONS = AWAY_REASONS.filter((r): r is ForcedReason => r !== 'missed');

/**
 * A supervisor puts an agent Away with a reason, or signs a ghost session out on every device;
 * the words typed are shown to the agent.
 */
export function ForceState({ agent }: { agent: Agent }) {
  const { t } = useTranslation();
  const [reasonCode, setReasonCode] = useState<ForcedReason>('meeting');
  const [words, setWords] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  async function force(state: 'away' | 'offline') {
    setSending(true);
    setOutcome(null);
    try {
      await forceAgentState(agent.id, state === 'away' ? { state, reasonCode } : { state }, words.trim());
      setOutcome(t('board.forceDone', { name: agent.displayName }));
    } catch (err) {
      setOutcome(t('board.forceFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSending(false);
    }
  }
  const hasWords = words.trim().length > 0;
  return (
    <div>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('board.forceReason')}
          value={reasonCode}
          onChange={(value) => value && setReasonCode(value as ForcedReason)}
          data={REASONS.map((r) => ({ value: r, label: t(`agentState.reasons.${r}`) }))}
          allowDeselect={false}
          w={160}
        />
        <TextInput
          label={t('board.forceWords')}
          value={words}
          onChange={(e) => setWords(e.currentTarget.value)}
          maxLength={500}
          w={260}
        />
      </Group>
      <Group gap="sm" mt="xs">
        <Button
          variant="light"
          color="orange"
          loading={isSending}
          disabled={!hasWords}
          onClick={() => void force('away')}
        >
          {t('board.forceAway')}
        </Button>
        <Button
          variant="light"
          color="red"
          loading={isSending}
          disabled={!hasWords || agent.state === 'offline'}
          onClick={() => void force('offline')}
        >
          {t('board.signOutEverywhere')}
        </Button>
      </Group>
      {outcome && (
        <Text size="sm" mt="xs" role="status">
          {outcome}
        </Text>
      )}
    </div>
  );
}
