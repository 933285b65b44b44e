import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AWAY_REASONS, type Agent } from '../../../src-shared/protocol/entities';
import { runOnlineCommand } from '../../sync/online-command';

type ForcedReason = Exclude<(typeof AWAY_REASONS)[number], 'missed'>;
const REASONS = AWAY_REASONS.filter((r): r is ForcedReason => r !== 'missed');

/** A supervisor puts an agent Away with a reason, or signs a ghost session out on every device. */
export function ForceState({ agent }: { agent: Agent }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ForcedReason>('meeting');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  async function force(state: 'away' | 'offline') {
    setSending(true);
    setOutcome(null);
    try {
      await runOnlineCommand({
        type: 'agent:set-state',
        payload:
          state === 'away' ? { agentId: agent.id, state, reasonCode: reason } : { agentId: agent.id, state },
      });
      setOutcome(t('board.forceDone', { name: agent.displayName }));
    } catch (err) {
      setOutcome(t('board.forceFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSending(false);
    }
  }
  return (
    <div>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('board.forceReason')}
          value={reason}
          onChange={(value) => value && setReason(value as ForcedReason)}
          data={REASONS.map((r) => ({ value: r, label: t(`agentState.reasons.${r}`) }))}
          allowDeselect={false}
          w={180}
        />
        <Button variant="light" color="orange" loading={isSending} onClick={() => void force('away')}>
          {t('board.forceAway')}
        </Button>
        <Button
          variant="light"
          color="red"
          loading={isSending}
          disabled={agent.state === 'offline'}
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
