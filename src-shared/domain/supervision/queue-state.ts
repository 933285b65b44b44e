import type { Channel } from '../../protocol/channels';
import { DEFAULT_SLA_SECONDS } from '../routing/priority';
import type { Holding, RoutingAgent, RoutingContact, RoutingQueue } from '../routing/types';

/**
 * What the supervisor's forecasts (expected waits, impact preview) read: the routing engine's own
 * view of queues, agents and queued contacts, plus the contacts each agent holds and an average
 * handle time per queue and channel. Times are epoch milliseconds, as in routing.
 */

/** A contact an agent holds (offered, active or in wrap-up), with when they got it. */
export interface HeldContact {
  /** Its routing facts: a reassignment or a move puts it back in a line with them. */
  contact: RoutingContact;
  status: Holding['status'];
  /** Epoch ms the agent got it (offered or accepted): the handle time runs from here. */
  since: number;
  /** Epoch ms by which it ends at the latest when a deadline says so (the wrap-up maximum). */
  endsBy?: number | null;
}

/** An agent as the forecasts see them: the routing view, with the contacts behind its holdings. */
export type QueueAgent = Omit<RoutingAgent, 'holdings'> & { work: HeldContact[] };

/** Average seconds a contact occupies an agent's place, from the offer to the end of wrap-up. */
export interface HandleTimes {
  /** Per queue and channel, from history (the server computes them). */
  byQueue: Readonly<Record<string, Partial<Record<Channel, number>>>>;
  /** Where a queue has no history for a channel. */
  defaults: Readonly<Record<Channel, number>>;
}

/**
 * Handle times for a queue without history: a call with its wrap-up about 6 minutes, a chat
 * (one of several at once) 10, an email or web form 15.
 */
export const DEFAULT_HANDLE_SECONDS: Readonly<Record<Channel, number>> = {
  phone: 360,
  callback: 360,
  chat: 600,
  email: 900,
  web: 900,
};

export const DEFAULT_HANDLE_TIMES: HandleTimes = { byQueue: {}, defaults: DEFAULT_HANDLE_SECONDS };

/** The state of the floor a forecast starts from. */
export interface QueueState {
  now: number;
  queues: RoutingQueue[];
  agents: QueueAgent[];
  /** The contacts waiting in a queue now (status `queued`). */
  contacts: RoutingContact[];
  handleTimes: HandleTimes;
}

/** Average handle time in ms for one queue and channel (at least a second). */
export function handleMs(times: HandleTimes, queueId: string, channel: Channel): number {
  const seconds = times.byQueue[queueId]?.[channel] ?? times.defaults[channel];
  return Math.max(1, seconds) * 1000;
}

/**
 * The service-level threshold of a contact in seconds: its queue's target for the channel, else
 * the channel default — the same threshold routing's SLA pressure uses.
 */
export function slaThresholdSeconds(
  contact: Pick<RoutingContact, 'channel'>,
  queue: Pick<RoutingQueue, 'routing'> | undefined,
): number {
  return queue?.routing.serviceLevels[contact.channel]?.seconds ?? DEFAULT_SLA_SECONDS[contact.channel];
}

/** The routing engine's holdings (counts per channel and status) behind an agent's held contacts. */
export function holdingsOf(work: readonly { contact: { channel: Channel }; status: Holding['status'] }[]) {
  const counts = new Map<string, Holding>();
  for (const held of work) {
    const key = `${held.contact.channel}\u0000${held.status}`;
    const holding = counts.get(key);
    if (holding) holding.count += 1;
    else counts.set(key, { channel: held.contact.channel, status: held.status, count: 1 });
  }
  return [...counts.values()];
}
