import type { Channel } from '../../protocol/channels';
import type { ContactStatus, Level, RoutingCandidate, RoutingReason } from '../../protocol/contacts';
import type { AgentState, CustomerTier } from '../../protocol/entities';
import type { AgentRouting, QueueRouting } from '../../protocol/routing-config';

/**
 * What the routing rules see. The server loads these from the database inside the routing
 * transaction; tests build them by hand. Times are epoch milliseconds.
 */

/** Work an agent holds or has been offered: `count` contacts of one channel and status. */
export interface Holding {
  channel: Channel;
  count: number;
  status: Extract<ContactStatus, 'offered' | 'active' | 'wrap_up'>;
}

export interface RoutingAgent {
  id: string;
  displayName: string;
  teamId: string | null;
  tier: number;
  languages: string[];
  state: AgentState;
  routing: AgentRouting;
  /** Epoch ms since the agent last finished work or became Available. */
  idleSince: number;
  holdings: Holding[];
  /** In wrap-up: epoch ms their (last) wrap-up ends by itself at the queue's maximum; else absent or null. */
  wrapUpEndsAt?: number | null;
}

export interface RoutingQueue {
  id: string;
  teamId: string;
  language: string;
  tier: number;
  channels: Channel[];
  routing: QueueRouting;
}

export interface RoutingContact {
  id: string;
  channel: Channel;
  queueId: string;
  language: string;
  impact: Level;
  urgency: Level;
  /** The customer's company tier; null for an unknown customer. */
  customerTier: CustomerTier | null;
  /** Epoch ms it entered its queue (its place in line). */
  queuedAt: number;
  /** Agents who declined it or let its offer time out. */
  declinedBy: string[];
  /** Epoch ms of the last decline or timed-out offer (the queue's decline cool-down runs from it). */
  declinedAt?: number | null;
  /**
   * Epoch ms a supervisor jumped it ahead of the line ("priority bump"); absent or null when not.
   * A jumped contact is routed before every contact that was not (`compareForRouting`).
   */
  jumpedAt?: number | null;
}

/** A contact's priority and the parts it is made of (recorded with each decision). */
export interface Priority {
  score: number;
  parts: { matrix: number; tier: number; sla: number; age: number };
}

/** One agent judged for one contact. */
export type Assessment = RoutingCandidate;

/** One offer a routing pass decided to make. */
export interface PlannedOffer {
  contactId: string;
  agentId: string;
  priority: Priority;
  overflowLevel: number;
  candidates: RoutingCandidate[];
  reasons: RoutingReason[];
}

/** A contact a routing pass could not place, and why. */
export interface PlannedWait {
  contactId: string;
  priority: Priority;
  overflowLevel: number;
  candidates: RoutingCandidate[];
  reasons: RoutingReason[];
  /** With `all_in_wrap_up`: epoch ms the first agent who could take it is free (null: unknown). */
  nextFreeAt?: number | null;
}

export interface RoutingPlan {
  offers: PlannedOffer[];
  waits: PlannedWait[];
}
