import { describe, expect, it } from 'vitest';
import type { BusinessHours, OpeningInterval } from '../../protocol/routing-config';
import { isOpen, nextOpening } from './business-hours';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const weekdays = (open: string, close: string): OpeningInterval[] =>
  [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const hours = (timeZone: string, weekly: OpeningInterval[], holidays: string[] = []): BusinessHours => ({
  timeZone,
  weekly,
  holidays,
});

describe('isOpen in America/New_York, Monday to Friday 09:00–17:00', () => {
  const newYork = hours('America/New_York', weekdays('09:00', '17:00'), ['2025-12-25']);

  it.each([
    ['2025-03-07T13:59', false, 'Friday 08:59 EST'],
    ['2025-03-07T14:00', true, 'Friday 09:00 EST'],
    ['2025-03-07T21:59', true, 'Friday 16:59 EST'],
    ['2025-03-07T22:00', false, 'Friday 17:00 EST: the close minute is closed'],
    ['2025-03-08T15:00', false, 'Saturday'],
    ['2025-03-10T12:59', false, 'Monday 08:59 EDT, the day after the spring change'],
    ['2025-03-10T13:00', true, 'Monday 09:00 EDT'],
    ['2025-11-03T13:59', false, 'Monday 08:59 EST, the day after the autumn change'],
    ['2025-11-03T14:00', true, 'Monday 09:00 EST'],
    ['2025-12-25T15:00', false, 'Christmas, a holiday, at 10:00 on a Thursday'],
  ])('%s UTC is open: %s (%s)', (at, expected) => {
    expect(isOpen(newYork, utc(at))).toBe(expected);
  });
});

describe('isOpen in Europe/Madrid', () => {
  const split = hours('Europe/Madrid', [...weekdays('09:00', '14:00'), ...weekdays('16:00', '19:00')]);

  it('follows split shifts: open in the morning, closed at lunch, open again in the afternoon', () => {
    expect(isOpen(split, utc('2025-01-08T08:00'))).toBe(true); // 09:00 CET
    expect(isOpen(split, utc('2025-01-08T13:30'))).toBe(false); // 14:30 CET
    expect(isOpen(split, utc('2025-01-08T15:00'))).toBe(true); // 16:00 CET
    expect(isOpen(split, utc('2025-07-08T07:00'))).toBe(true); // 09:00 CEST
    expect(isOpen(split, utc('2025-07-08T06:59'))).toBe(false); // 08:59 CEST
  });

  it('opens twice on the autumn change day when the local hour repeats', () => {
    const repeated = hours('Europe/Madrid', [{ day: 0, open: '02:00', close: '02:30' }]);
    expect(isOpen(repeated, utc('2025-10-26T00:15'))).toBe(true); // 02:15 CEST
    expect(isOpen(repeated, utc('2025-10-26T00:45'))).toBe(false); // 02:45 CEST
    expect(isOpen(repeated, utc('2025-10-26T01:15'))).toBe(true); // 02:15 CET, again
  });

  it('reads holidays by the local date, not the UTC one', () => {
    const allDay = hours('Europe/Madrid', [], ['2025-01-06']);
    expect(isOpen(allDay, utc('2025-01-05T22:59'))).toBe(true); // 23:59 on the 5th
    expect(isOpen(allDay, utc('2025-01-05T23:00'))).toBe(false); // 00:00 on the 6th
    expect(isOpen(allDay, utc('2025-01-06T23:00'))).toBe(true); // 00:00 on the 7th
  });
});

describe('isOpen, other rules', () => {
  it('is open around the clock when there are no weekly intervals', () => {
    expect(isOpen(hours('America/New_York', []), utc('2025-03-09T07:30'))).toBe(true);
  });

  it('accepts 24:00 as a close at midnight', () => {
    const evening = hours('UTC', [{ day: 1, open: '20:00', close: '24:00' }]);
    expect(isOpen(evening, utc('2025-06-02T23:59'))).toBe(true); // Monday
    expect(isOpen(evening, utc('2025-06-03T00:00'))).toBe(false); // Tuesday
  });

  it('reads an invalid time zone as UTC instead of throwing', () => {
    const broken = hours('Not/A_Zone', weekdays('09:00', '17:00'));
    expect(isOpen(broken, utc('2025-06-02T09:00'))).toBe(true);
    expect(isOpen(broken, utc('2025-06-02T08:59'))).toBe(false);
    expect(nextOpening(broken, utc('2025-06-02T08:00'))).toBe(utc('2025-06-02T09:00'));
  });
});

describe('nextOpening', () => {
  const newYork = hours('America/New_York', weekdays('09:00', '17:00'), ['2025-12-25']);

  it('returns `at` itself when open now', () => {
    const at = utc('2025-03-07T15:00') + 1234;
    expect(nextOpening(newYork, at)).toBe(at);
    expect(nextOpening(hours('UTC', []), at)).toBe(at);
  });

  it('finds Monday morning from Friday evening, across the spring DST change', () => {
    expect(nextOpening(newYork, utc('2025-03-07T22:00') + 30_000)).toBe(utc('2025-03-10T13:00'));
  });

  it('skips a holiday', () => {
    expect(nextOpening(newYork, utc('2025-12-24T23:00'))).toBe(utc('2025-12-26T14:00'));
  });

  it('opens at the first minute that exists when the opening time falls in the spring-forward gap', () => {
    const gap = hours('America/New_York', [{ day: 0, open: '02:30', close: '04:00' }]);
    // 02:30 does not exist on 2025-03-09: clocks go from 01:59 EST to 03:00 EDT (07:00 UTC).
    expect(nextOpening(gap, utc('2025-03-09T05:00'))).toBe(utc('2025-03-09T07:00'));
    const madrid = hours('Europe/Madrid', [{ day: 0, open: '02:30', close: '04:00' }]);
    expect(nextOpening(madrid, utc('2025-03-29T23:00'))).toBe(utc('2025-03-30T01:00'));
  });

  it('finds an opening just after the autumn change', () => {
    const early = hours('America/New_York', [{ day: 0, open: '04:00', close: '05:00' }]);
    // 2025-11-02: 01:59 EDT is followed by 01:00 EST; 04:00 EST is 09:00 UTC.
    expect(nextOpening(early, utc('2025-11-02T04:00'))).toBe(utc('2025-11-02T09:00'));
  });

  it('returns null when closed for the next 14 days', () => {
    const mondaysOnly = hours(
      'UTC',
      [{ day: 1, open: '09:00', close: '10:00' }],
      ['2025-06-02', '2025-06-09', '2025-06-16'],
    );
    expect(nextOpening(mondaysOnly, utc('2025-06-01T00:00'))).toBeNull();
  });
});
