// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/i18n';
import { waitingWhy } from './waiting-why';

const NOW = Date.parse('2026-12-05T09:00:00.000Z');
const t = i18next.getFixedT('en');

describe('why a contact waits, in words (issue 11, finding 3)', () => {
  it('says how soon the first agent in wrap-up is free, counting down', () => {
    const contact = { reasons: ['all_in_wrap_up' as const], nextFreeAt: '2026-12-05T09:00:42.000Z' };
    expect(waitingWhy(contact, NOW, t)).toBe('Every agent who can take it is in wrap-up, next free in 42 s');
    expect(waitingWhy(contact, NOW + 40_500, t)).toBe(
      'Every agent who can take it is in wrap-up, next free in 2 s',
    );
    expect(waitingWhy(contact, NOW + 43_000, t)).toBe(
      'Every agent who can take it is in wrap-up, one is about to be free',
    );
  });

  it('says a team all Away is away, not that nobody is logged in', () => {
    expect(waitingWhy({ reasons: ['all_away'] }, NOW, t)).toBe(
      'Everyone of the team who is logged in is Away',
    );
  });

  it('joins several reasons, without a time when none is known', () => {
    const contact = { reasons: ['all_in_wrap_up' as const, 'overflow_widened' as const], nextFreeAt: null };
    expect(waitingWhy(contact, NOW, t)).toBe(
      'Every agent who can take it is in wrap-up · Waited long: offered to more agents',
    );
  });
});
