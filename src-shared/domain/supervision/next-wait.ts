import type { Channel } from '../../protocol/channels';
import type { Level } from '../../protocol/contacts';
import type { CustomerTier } from '../../protocol/entities';
import type { RoutingContact } from '../routing/types';
import type { QueueState } from './queue-state';
import { forecastOffers, type ForecastOptions } from './simulate';

/** A contact that would arrive now: what the board's "expected wait" is about. */
export interface NextContact {
  queueId: string;
  channel: Channel;
  /** Medium when not said, as a contact logged by hand. */
  impact?: Level;
  urgency?: Level;
  /** An unknown customer when not said. */
  customerTier?: CustomerTier | null;
  /** The queue's language when not said. */
  language?: string;
}

/** The id the arriving contact carries in the forecast; no stored contact can have it. */
export const NEXT_CONTACT_ID = '\u0000next';

/**
 * Expected wait in whole seconds for a contact arriving in a queue now, from the same forecast as
 * the impact preview (`forecastOffers`, stopped once it is offered): it takes its place in the
 * routing order like any other. Null when the queue is unknown or does not take the channel, or
 * nobody is expected to take it within the horizon.
 */
export function expectedWaitForNext(
  state: QueueState,
  next: NextContact,
  options: Pick<ForecastOptions, 'horizonMs'> = {},
): number | null {
  const queue = state.queues.find((q) => q.id === next.queueId);
  if (!queue || !queue.channels.includes(next.channel)) return null;
  const arriving: RoutingContact = {
    id: NEXT_CONTACT_ID,
    channel: next.channel,
    queueId: queue.id,
    language: next.language ?? queue.language,
    impact: next.impact ?? 'medium',
    urgency: next.urgency ?? 'medium',
    customerTier: next.customerTier ?? null,
    queuedAt: state.now,
    declinedBy: [],
    jumpedAt: null,
  };
  const withArrival = { ...state, contacts: [...state.contacts, arriving] };
  const placement = forecastOffers(withArrival, { ...options, stopWhenPlaced: NEXT_CONTACT_ID }).get(
    NEXT_CONTACT_ID,
  );
  return placement ? Math.round((placement.at - state.now) / 1000) : null;
}
