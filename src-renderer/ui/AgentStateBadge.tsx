import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../src-shared/protocol/entities';

const COLORS: Record<AgentState, string> = {
  available: 'green',
  busy: 'red',
  wrap_up: 'orange',
  away: 'yellow',
  offline: 'gray',
};

/** An agent's state as a coloured badge. */
export function AgentStateBadge({ state }: { state: AgentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light">
      {t(`agentState.states.${state}`)}
    </Badge>
  );
}
