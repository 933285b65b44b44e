import type { Channel } from '../../protocol/channels';
import type { AgentState } from '../../protocol/entities';
import type { Holding, RoutingQueue } from '../routing/types';

/**
 * The floor as the supervisor's board and the alert rules read it: queues, the agents who count
 * (signed-up agents, not disabled — the caller picks them), and the contacts waiting. The server
 * builds it from its rows, the console from its cache; both then compute the same figures. Times
 * are epoch milliseconds.
 */

/** A contact an agent holds. */
export interface FloorWork {
  contactId: string;
  queueId: string;
  channel: Channel;
  status: Holding['status'];
  /** When the agent got it (offered). */
  since: number;
  /** When it entered its current status (for a wrap-up: when the conversation ended). */
  statusSince: number;
}

export interface FloorAgent {
  id: string;
  teamId: string | null;
  state: AgentState;
  /** The Away reason (`lunch`, `missed`…), else null. */
  reasonCode: string | null;
  stateSince: number;
  /** Offers missed in a row. */
  missedOffers: number;
  work: FloorWork[];
}

/** A contact waiting in a queue (status `queued`). */
export interface FloorContact {
  id: string;
  queueId: string;
  channel: Channel;
  queuedAt: number;
}

export type FloorQueue = Pick<RoutingQueue, 'id' | 'teamId' | 'channels' | 'routing'>;

export interface Floor {
  now: number;
  queues: FloorQueue[];
  agents: FloorAgent[];
  waiting: FloorContact[];
}

/**
 * The agents who staff a queue: its team's, as routing offers a queue's work to its team first
 * (overflow aside) and says "nobody logged in" from the same people.
 */
export function staffOf(queue: Pick<FloorQueue, 'teamId'>, agents: readonly FloorAgent[]): FloorAgent[] {
  return agents.filter((agent) => agent.teamId === queue.teamId);
}

export const isSignedIn = (agent: Pick<FloorAgent, 'state'>): boolean => agent.state !== 'offline';
