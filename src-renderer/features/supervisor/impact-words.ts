import type { ImpactSummary } from '../../../src-shared/protocol/supervision';

/** The sentences a supervisor reads first about an action's cost, as i18n keys with their values. */
export function impactSentences(
  summary: ImpactSummary,
  duration: (seconds: number) => string,
): { key: string; values: Record<string, string | number> }[] {
  const lines: { key: string; values: Record<string, string | number> }[] = [];
  if (summary.slipped > 0)
    lines.push({
      key: 'impact.slipped',
      values: {
        count: summary.slipped,
        total: duration(summary.totalSlipS),
        max: duration(summary.maxSlipS),
      },
    });
  if (summary.newBreaches > 0)
    lines.push({ key: 'impact.newBreaches', values: { count: summary.newBreaches } });
  if (summary.noLongerReached > 0)
    lines.push({ key: 'impact.noLongerReached', values: { count: summary.noLongerReached } });
  if (summary.gained > 0) lines.push({ key: 'impact.gained', values: { count: summary.gained } });
  if (lines.length === 0) lines.push({ key: 'impact.none', values: {} });
  return lines;
}

/** Whole seconds as a short human duration: "45 s", "4 min", "1 h 5 min". */
export function shortDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
