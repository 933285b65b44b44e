/**
 * Seconds as people say them ("4 h", "1 h 30 min", "2 min"), next to inputs that take seconds;
 * empty under a minute or for a value that is not a number, where the input says it already.
 */
export function humanDuration(seconds: unknown, language: string): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 60) return '';
  const unit = (value: number, name: 'day' | 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (rest) parts.push(unit(rest, 'second'));
  return parts.join(' ');
}
