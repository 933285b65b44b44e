import type { RaterDeviation } from '../../protocol/coaching-calibration';
import type { CalibrationGrid, Rating } from './calibration-data';

/**
 * How far each coach is from the reference, criterion by criterion: the expert's answer when the
 * session has an expert, else the consensus of the OTHER raters (so a coach is never compared
 * with themself). The consensus is the median on a scale and the most frequent answer on yes/no
 * and choice; when two answers are equally frequent the consensus is halfway between them (the
 * mean of their fractions), so a split room shows up as distance rather than a coin toss.
 *
 * Deviation = mean |f_coach − f_reference| × 100: points on the 0–100 scale a criterion scores on.
 */

interface Reference {
  fraction: number | null;
  /** Whether the reference says N/A (the expert did, or most others did). */
  isNa: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Mean fraction of the most frequent values (one value unless there is a tie). */
function modeFraction(ratings: readonly Rating[]): number {
  const counts = new Map<string | number, { count: number; fraction: number }>();
  for (const rating of ratings) {
    if (rating.value === null || rating.fraction === null) continue;
    const entry = counts.get(rating.value) ?? { count: 0, fraction: rating.fraction };
    entry.count += 1;
    counts.set(rating.value, entry);
  }
  const top = Math.max(...[...counts.values()].map((entry) => entry.count));
  const modes = [...counts.values()].filter((entry) => entry.count === top);
  return modes.reduce((sum, entry) => sum + entry.fraction, 0) / modes.length;
}

function consensusOf(others: readonly Rating[], isScale: boolean): Reference {
  const answered = others.filter((rating) => rating.fraction !== null);
  const isNa = answered.length * 2 < others.length;
  if (answered.length === 0) return { fraction: null, isNa };
  const fraction = isScale ? median(answered.map((rating) => rating.fraction ?? 0)) : modeFraction(answered);
  return { fraction, isNa };
}

/** Each rater's deviation from the reference; the expert is the reference, not a rater. */
export function raterDeviations(grid: CalibrationGrid, expertId: string | null): RaterDeviation[] {
  const raters = grid.coachIds.filter((coachId) => coachId !== expertId);
  return raters.map((coachId) => {
    let compared = 0;
    let total = 0;
    let naMismatches = 0;
    for (const contactId of grid.contactIds) {
      for (const criterion of grid.criteria) {
        const own = grid.rating(criterion.key, contactId, coachId);
        if (own === undefined) continue;
        const reference = referenceFor(
          grid,
          criterion.key,
          contactId,
          coachId,
          expertId,
          criterion.kind === 'scale',
        );
        if (reference === null) continue;
        if (own.fraction !== null && reference.fraction !== null) {
          compared += 1;
          total += Math.abs(own.fraction - reference.fraction);
        } else if ((own.fraction === null) !== reference.isNa) {
          naMismatches += 1;
        }
      }
    }
    return { coachId, deviation: compared > 0 ? (100 * total) / compared : null, compared, naMismatches };
  });
}

function referenceFor(
  grid: CalibrationGrid,
  key: string,
  contactId: string,
  coachId: string,
  expertId: string | null,
  isScale: boolean,
): Reference | null {
  if (expertId !== null) {
    const expert = grid.rating(key, contactId, expertId);
    // The expert did not score this contact: nothing to compare with.
    if (expert === undefined) return null;
    return { fraction: expert.fraction, isNa: expert.fraction === null };
  }
  const others: Rating[] = [];
  for (const other of grid.coachIds) {
    if (other === coachId) continue;
    const rating = grid.rating(key, contactId, other);
    if (rating !== undefined) others.push(rating);
  }
  return others.length === 0 ? null : consensusOf(others, isScale);
}
