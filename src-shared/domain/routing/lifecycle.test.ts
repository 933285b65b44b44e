import { describe, expect, it } from 'vitest';
import { CONTACT_STATUSES, type ContactStatus } from '../../protocol/contacts';
import { afterMissedOffer, canMove, MISSED_OFFERS_LIMIT } from './lifecycle';

const ALLOWED: [ContactStatus, ContactStatus][] = [
  ['scheduled', 'queued'],
  ['queued', 'offered'],
  ['queued', 'abandoned'],
  ['queued', 'queued'],
  ['offered', 'active'],
  ['offered', 'queued'],
  ['offered', 'abandoned'],
  ['offered', 'offered'],
  ['active', 'wrap_up'],
  ['active', 'queued'],
  ['active', 'offered'],
  ['wrap_up', 'closed'],
];

describe('canMove', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it('refuses every other move, so closed and abandoned are final', () => {
    for (const from of CONTACT_STATUSES) {
      for (const to of CONTACT_STATUSES) {
        const isAllowed = ALLOWED.some(([a, b]) => a === from && b === to);
        expect(canMove(from, to), `${from} → ${to}`).toBe(isAllowed);
      }
    }
    expect(CONTACT_STATUSES.some((to) => canMove('closed', to) || canMove('abandoned', to))).toBe(false);
  });
});

describe('afterMissedOffer', () => {
  it('counts missed offers in a row below the limit', () => {
    expect(afterMissedOffer(0)).toEqual({ missedOffers: 1, setAwayMissed: false });
    expect(afterMissedOffer(1)).toEqual({ missedOffers: 2, setAwayMissed: false });
  });

  it('sets the agent Away "missed" at the limit and starts counting again', () => {
    expect(MISSED_OFFERS_LIMIT).toBe(3);
    expect(afterMissedOffer(MISSED_OFFERS_LIMIT - 1)).toEqual({ missedOffers: 0, setAwayMissed: true });
  });
});
