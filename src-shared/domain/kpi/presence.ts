import type { Agent, AgentState } from '../../protocol/entities';
import type { KpiCounts, KpiDelta } from './aggregate';
import { splitByInterval } from './intervals';

/**
 * Agent presence from `agent.state-changed` events: time in each state, split by the 15-minute
 * intervals it was spent in (unlike contact facts, time belongs to when it passed). Signed in is
 * every state but Offline; Busy and Wrap-up are time on work; Away is time signed in but not
 * taking work.
 */

/** The state an agent is in, since when, and the team they were on then. */
export interface AgentPresence {
  agentId: string;
  teamId: string | null;
  state: AgentState;
  since: number;
  /** The last version folded in: older or repeated events change nothing. */
  version: number;
}

/** Time an agent spent in one state. */
export interface PresenceSpan {
  agentId: string;
  teamId: string | null;
  state: AgentState;
  from: number;
  to: number;
}

const STATE_FIELD: Readonly<Record<AgentState, keyof KpiCounts | null>> = {
  offline: null,
  available: 'availableMs',
  busy: 'busyMs',
  wrap_up: 'wrapUpStateMs',
  away: 'awayMs',
};

/**
 * The presence after one more agent event (`at`: the event's time), and the span it closed when
 * the state changed. A change of reason or team alone closes nothing: the reason does not count,
 * and the team is the one the agent was on when the span began.
 */
export function observeAgent(
  presence: AgentPresence | null,
  agent: Agent,
  at: number,
): { presence: AgentPresence; closed: PresenceSpan | null } {
  if (presence && agent.version <= presence.version) return { presence, closed: null };
  const stateSince = Date.parse(agent.stateSince);
  const since = Number.isNaN(stateSince) ? at : stateSince;
  if (!presence) {
    return {
      presence: {
        agentId: agent.id,
        teamId: agent.teamId,
        state: agent.state,
        since,
        version: agent.version,
      },
      closed: null,
    };
  }
  if (presence.state === agent.state)
    return { presence: { ...presence, version: agent.version }, closed: null };
  // The new state began at its own `stateSince`; never before the old one began.
  const changedAt = Math.max(presence.since, since);
  return {
    presence: {
      agentId: agent.id,
      teamId: agent.teamId,
      state: agent.state,
      since: changedAt,
      version: agent.version,
    },
    closed: { ...spanOf(presence), to: changedAt },
  };
}

/** The span of the state the agent is still in, up to `now`: what a live view adds to stored sums. */
export function openSpan(presence: AgentPresence, now: number): PresenceSpan {
  return { ...spanOf(presence), to: Math.max(presence.since, now) };
}

/** The counts a span adds: sign-in time and state time per interval (Offline adds nothing). */
export function presenceDeltas(span: PresenceSpan): KpiDelta[] {
  const field = STATE_FIELD[span.state];
  if (!field) return [];
  return splitByInterval(span.from, span.to).map(({ interval, ms }) => ({
    key: { interval, queueId: null, channel: null, agentId: span.agentId, teamId: span.teamId },
    counts: { signedInMs: ms, [field]: ms },
  }));
}

function spanOf(presence: AgentPresence): PresenceSpan {
  return {
    agentId: presence.agentId,
    teamId: presence.teamId,
    state: presence.state,
    from: presence.since,
    to: presence.since,
  };
}
