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

/** The id the `n`th arriving contact carries in the forecast; no stored contact can have it. */
export const nextContactId = (n: number): string => `\u0000next:${n}`;

/**
 * Expected waits in whole seconds for contacts arriving now, one for each `next` (in its order),
 * from the same forecast as the impact preview — one run for them all: each arrival takes its
 * place in the routing order as if it alone arrived (`ForecastOptions.probes`). Null where the
 * queue is unknown or does not take the channel, or nobody is expected to take it within the
 * horizon.
 */
export function expectedWaitsForNext(
  state: QueueState,
  next: readonly NextContact[],
  options: Pick<ForecastOptions, 'horizonMs'> = {},
): (number | null)[] {
  const queues = new Map(state.queues.map((q) => [q.id, q]));
  const probes = next.flatMap((n, index): RoutingContact[] => {
    const queue = queues.get(n.queueId);
    if (!queue || !queue.channels.includes(n.channel)) return [];
    return [
      {
        id: nextContactId(index),
        channel: n.channel,
        queueId: queue.id,
        language: n.language ?? queue.language,
        impact: n.impact ?? 'medium',
        urgency: n.urgency ?? 'medium',
        customerTier: n.customerTier ?? null,
        queuedAt: state.now,
        declinedBy: [],
        jumpedAt: null,
      },
    ];
  });
  const placed = forecastOffers(state, { ...options, probes, untilProbesPlaced: true });
  return next.map((_, index) => {
    const placement = placed.get(nextContactId(index));
    return placement ? Math.round((placement.at - state.now) / 1000) : null;
  });
}

/** `expectedWaitsForNext` for one arriving contact. */
export function expectedWaitForNext(
  state: QueueState,
  next: NextContact,
  options: Pick<ForecastOptions, 'horizonMs'> = {},
): number | null {
  return expectedWaitsForNext(state, [next], options)[0] ?? null;
}
