/**
 * A scorecard's skill tag as people read it: "communication_building" → "Communication building".
 * Skill tags are keys (stable across versions), not labels, so the console words them.
 */
export function skillLabel(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
