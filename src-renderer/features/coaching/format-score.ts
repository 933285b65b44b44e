/** A score as the console shows it: one decimal, or an en dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '–';
  return (Math.round(score * 10) / 10).toFixed(1);
}
