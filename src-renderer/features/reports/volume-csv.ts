import { CHANNELS, type VolumeDay } from '../../../src-shared/protocol/entities';

/** The volume report as CSV: one row per day, one column per channel, and a total. */
export function volumeCsv(days: readonly VolumeDay[]): string {
  const header = ['day', ...CHANNELS, 'total'].join(',');
  const rows = days.map((d) => {
    const counts = CHANNELS.map((c) => d[c]);
    return [d.day, ...counts, counts.reduce((a, b) => a + b, 0)].join(',');
  });
  return [header, ...rows].join('\r\n') + '\r\n';
}

/** Contacts per channel over the whole period. */
export function channelTotals(days: readonly VolumeDay[]): Record<(typeof CHANNELS)[number], number> {
  return Object.fromEntries(CHANNELS.map((c) => [c, days.reduce((sum, d) => sum + d[c], 0)])) as Record<
    (typeof CHANNELS)[number],
    number
  >;
}
