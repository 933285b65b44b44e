import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import type { Agent, AgentState } from '../../../src-shared/protocol/entities';
import type { NewEvent } from '../sync/event-log';
import { saveAgentState } from './agents.repository';

/**
 * The event an agent change produces (a state change, or `agent.updated` for a new routing
 * profile), seen by the agent, their team and supervisors.
 */
export function agentStateEvent(
  agent: Agent,
  type:
    typeof EVENT_TYPES.agentStateChanged | typeof EVENT_TYPES.agentUpdated = EVENT_TYPES.agentStateChanged,
): NewEvent {
  return {
    type,
    entityKind: 'agent',
    entityId: agent.id,
    entityVersion: agent.version,
    payload: agent,
    audience: {
      users: [agent.id],
      teams: agent.teamId ? [agent.teamId] : [],
      roles: ['supervisor', 'admin'],
    },
  };
}

export interface AgentStateChange {
  state: AgentState;
  reasonCode: string | null;
  /** Defaults: unchanged. */
  missedOffers?: number;
  idleSince?: Date;
}

/**
 * Changes the agent's state in the open transaction and returns its new view. Time in state
 * restarts only when the state or reason really changes.
 */
export async function changeAgentState(
  tx: Parameters<typeof saveAgentState>[0],
  current: Agent,
  change: AgentStateChange,
  now: Date,
): Promise<Agent> {
  const same = current.state === change.state && current.reasonCode === change.reasonCode;
  const since = same ? new Date(current.stateSince) : now;
  const idleSince = change.idleSince ?? new Date(current.idleSince);
  const next: Agent = {
    ...current,
    state: change.state,
    reasonCode: change.reasonCode,
    stateSince: since.toISOString(),
    missedOffers: change.missedOffers ?? current.missedOffers,
    idleSince: idleSince.toISOString(),
    version: current.version + 1,
  };
  await saveAgentState(tx, current.id, {
    state: next.state,
    reasonCode: next.reasonCode,
    since,
    version: next.version,
    missedOffers: next.missedOffers,
    idleSince,
  });
  return next;
}
