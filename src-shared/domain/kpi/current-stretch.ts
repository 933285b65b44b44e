import type { Agent } from '../../protocol/entities';
import { emptyCounts, type KpiCounts } from './aggregate';

const STATE_COUNT: Partial<Record<Agent['state'], 'availableMs' | 'busyMs' | 'wrapUpStateMs' | 'awayMs'>> = {
  available: 'availableMs',
  busy: 'busyMs',
  wrap_up: 'wrapUpStateMs',
  away: 'awayMs',
};

/**
 * The projection folds a state's time when the state ends; the board adds the state the agent is
 * in now, from when it began (or the day began), so occupancy moves while they work.
 */
export function withCurrentStretch(
  folded: KpiCounts | undefined,
  agent: Pick<Agent, 'state' | 'stateSince'>,
  dayStart: number,
  now: number,
): KpiCounts {
  const counts = { ...(folded ?? emptyCounts()) };
  const field = STATE_COUNT[agent.state];
  const ms = Math.max(0, now - Math.max(Date.parse(agent.stateSince), dayStart));
  if (field) {
    counts[field] += ms;
    counts.signedInMs += ms;
  }
  return counts;
}
