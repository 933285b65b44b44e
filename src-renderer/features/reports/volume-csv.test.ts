import { describe, expect, it } from 'vitest';
import { channelTotals, volumeCsv } from './volume-csv';

const days = [
  { day: '2026-11-01', phone: 3, email: 2, web: 1, chat: 0, callback: 4 },
  { day: '2026-11-02', phone: 1, email: 0, web: 0, chat: 5, callback: 0 },
];

describe('volumeCsv', () => {
  it('writes one row per day with a total, under a header', () => {
    expect(volumeCsv(days)).toBe(
      'day,phone,email,web,chat,callback,total\r\n2026-11-01,3,2,1,0,4,10\r\n2026-11-02,1,0,0,5,0,6\r\n',
    );
  });
});

describe('channelTotals', () => {
  it('sums each channel over the period', () => {
    expect(channelTotals(days)).toEqual({
      phone: 4,
      email: 2,
      web: 1,
      chat: 5,
      callback: 4,
    });
  });
});
