import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening } from './business-hours';
import { arbBusinessHours, arbMomentNearDstChange } from './testing/routing-arbitraries';

const MINUTE_MS = 60_000;
/** Brute-force checks look at every minute of this much of the search (all of it costs too much). */
const CHECKED_MS = 3 * 24 * 60 * MINUTE_MS;

describe('nextOpening (property, around DST changes)', () => {
  it('returns an open moment with no open minute before it', () => {
    fc.assert(
      fc.property(arbBusinessHours, arbMomentNearDstChange, (hours, at) => {
        const opening = nextOpening(hours, at);
        if (opening === at) return;
        expect(isOpen(hours, at)).toBe(false);
        const lastChecked = Math.min(opening ?? Infinity, at + CHECKED_MS);
        for (let t = Math.floor(at / MINUTE_MS) * MINUTE_MS + MINUTE_MS; t < lastChecked; t += MINUTE_MS) {
          expect(isOpen(hours, t), `open at ${new Date(t).toISOString()}`).toBe(false);
        }
        if (opening !== null) {
          expect(opening).toBeGreaterThan(at);
          expect(opening % MINUTE_MS).toBe(0);
          expect(isOpen(hours, opening)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('returns `at` exactly when the queue is open at `at`', () => {
    fc.assert(
      fc.property(arbBusinessHours, arbMomentNearDstChange, (hours, at) => {
        expect(nextOpening(hours, at) === at).toBe(isOpen(hours, at));
      }),
    );
  });

  it('returns null only when no interval is left open in the next 14 days (checked every 15 minutes)', () => {
    fc.assert(
      fc.property(arbBusinessHours, arbMomentNearDstChange, (hours, at) => {
        if (nextOpening(hours, at) !== null) return;
        for (let t = at; t <= at + 14 * 24 * 60 * MINUTE_MS; t += 15 * MINUTE_MS) {
          expect(isOpen(hours, t)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
