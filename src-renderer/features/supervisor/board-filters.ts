import type { Channel } from '../../../src-shared/protocol/channels';
import type { Agent, AgentState, Queue } from '../../../src-shared/protocol/entities';

/** What the supervisor narrowed the board to; null: everything. */
export interface BoardFilter {
  teamId: string | null;
  queueId: string | null;
  channel: Channel | null;
  state: AgentState | null;
}

export const NO_FILTER: BoardFilter = { teamId: null, queueId: null, channel: null, state: null };

/** Queues shown: of the team, the one picked, taking the channel. */
export function filterQueues(queues: readonly Queue[], filter: BoardFilter): Queue[] {
  return queues.filter(
    (q) =>
      (!filter.teamId || q.teamId === filter.teamId) &&
      (!filter.queueId || q.id === filter.queueId) &&
      (!filter.channel || q.channels.includes(filter.channel)),
  );
}

/**
 * Agents shown: working agents (not disabled) of the team, staffing the queue picked (its team's,
 * as routing staffs it), able to take the channel (some capacity for it), in the state picked.
 */
export function filterAgents(
  agents: readonly Agent[],
  queues: readonly Queue[],
  filter: BoardFilter,
): Agent[] {
  const queueTeam = filter.queueId ? queues.find((q) => q.id === filter.queueId)?.teamId : undefined;
  return agents.filter(
    (a) =>
      a.roles.includes('agent') &&
      !a.disabled &&
      (!filter.teamId || a.teamId === filter.teamId) &&
      (!filter.queueId || a.teamId === queueTeam) &&
      (!filter.channel || a.routing.capacity[filter.channel] > 0) &&
      (!filter.state || a.state === filter.state),
  );
}
