import type { ContactStatus } from '../../protocol/contacts';

/** Offers missed in a row (declined or timed out) that set an agent Away "missed". */
export const MISSED_OFFERS_LIMIT = 3;

/**
 * The contact lifecycle. Same-status moves are transfers: queued→queued to another queue,
 * offered→offered to a named agent. Closed and abandoned are final.
 */
const MOVES: Readonly<Record<ContactStatus, readonly ContactStatus[]>> = {
  scheduled: ['queued'],
  queued: ['offered', 'abandoned', 'queued'],
  offered: ['active', 'queued', 'abandoned', 'offered'],
  active: ['wrap_up', 'queued', 'offered'],
  wrap_up: ['closed'],
  closed: [],
  abandoned: [],
};

/**
 * Whether a contact may go from `from` to `to`: scheduled→queued; queued→offered, abandoned or
 * queued (transfer); offered→active, queued (decline/timeout), abandoned or offered (transfer);
 * active→wrap_up, queued or offered (transfers); wrap_up→closed; closed and abandoned are final.
 */
export function canMove(from: ContactStatus, to: ContactStatus): boolean {
  return MOVES[from].includes(to);
}

/**
 * Counts one more offer missed in a row; the `MISSED_OFFERS_LIMIT`-th sets the agent Away
 * ("missed") and starts the count again from 0. (An accepted offer resets the count: the caller's job.)
 */
export function afterMissedOffer(missedOffers: number): { missedOffers: number; setAwayMissed: boolean } {
  const missed = missedOffers + 1;
  if (missed >= MISSED_OFFERS_LIMIT) return { missedOffers: 0, setAwayMissed: true };
  return { missedOffers: missed, setAwayMissed: false };
}
