import type { SetAgentStatePayload } from '../../../src-shared/protocol/commands';
import type { Agent } from '../../../src-shared/protocol/entities';

/** Reasons a person may pick when going Away (routing alone sets "missed"). */
export const AWAY_REASON_CHOICES = ['break', 'lunch', 'training', 'coaching', 'meeting'] as const;

/** The choices of the "Agent state" control, one value per state/reason pair. */
export const STATE_CHOICES = [
  'available',
  ...AWAY_REASON_CHOICES.map((r) => `away:${r}` as const),
  'offline',
] as const;
export type StateChoice = (typeof STATE_CHOICES)[number];

/** The control's value for an agent's current state (busy / wrap-up show as themselves). */
export function choiceOf(agent: Pick<Agent, 'state' | 'reasonCode'>): string {
  return agent.state === 'away' ? `away:${agent.reasonCode ?? 'break'}` : agent.state;
}

/** The command payload for a picked choice; null for something that is not a choice. */
export function payloadOf(choice: string): SetAgentStatePayload | null {
  if (choice === 'available' || choice === 'offline') return { state: choice };
  const reason = AWAY_REASON_CHOICES.find((r) => choice === `away:${r}`);
  return reason ? { state: 'away', reasonCode: reason } : null;
}
