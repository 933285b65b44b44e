import type { Channel } from '../../protocol/channels';
import type { Answer, Criterion, ScorecardContent } from '../../protocol/coaching';
import { answersByKey, appliesToChannel, criterionFraction } from './scoring';

/**
 * The calibration answers laid out for comparison: per scored criterion, per contact, per coach,
 * the value given (for alpha) and the fraction it earns (for the overall alpha and deviations).
 * N/A, unanswered and not-for-this-channel all read as missing.
 */

export interface CalibrationSubmission {
  coachId: string;
  contactId: string;
  answers: readonly Answer[];
  /** The contact's channel; criteria for other channels are missing for it. */
  channel?: Channel;
}

export interface Rating {
  /** 1/0 for yes/no, the number for a scale, the option key for a choice; null when missing. */
  value: number | string | null;
  fraction: number | null;
}

export interface CalibrationGrid {
  /** Scored criteria in form order. */
  criteria: Criterion[];
  contactIds: string[];
  coachIds: string[];
  /** rating(criterionKey, contactId, coachId); undefined when that coach did not submit that contact. */
  rating(key: string, contactId: string, coachId: string): Rating | undefined;
}

function ratingOf(criterion: Criterion, answer: Answer | undefined, channel: Channel | undefined): Rating {
  if (!appliesToChannel(criterion, channel)) return { value: null, fraction: null };
  const fraction = criterionFraction(criterion, answer?.value);
  if (fraction === null || answer === undefined) return { value: null, fraction: null };
  // A fraction exists, so the value fits the criterion: a boolean, a scale number or an option key.
  const value = typeof answer.value === 'boolean' ? (answer.value ? 1 : 0) : answer.value;
  return { value, fraction };
}

/**
 * Lays out the submissions; one per coach and contact (a later one for the same pair replaces an
 * earlier, as a re-submitted calibration evaluation would).
 */
export function calibrationGrid(
  content: Pick<ScorecardContent, 'sections'>,
  submissions: readonly CalibrationSubmission[],
): CalibrationGrid {
  const criteria = content.sections.flatMap((section) =>
    section.criteria.filter((criterion) => criterion.kind !== 'text'),
  );
  const latest = new Map<string, CalibrationSubmission>();
  for (const submission of submissions) {
    latest.set(JSON.stringify([submission.contactId, submission.coachId]), submission);
  }
  const cells = new Map<string, Rating>();
  for (const submission of latest.values()) {
    const byKey = answersByKey(submission.answers);
    for (const criterion of criteria) {
      const cell = JSON.stringify([criterion.key, submission.contactId, submission.coachId]);
      cells.set(cell, ratingOf(criterion, byKey.get(criterion.key), submission.channel));
    }
  }
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    criteria,
    contactIds: sorted([...latest.values()].map((s) => s.contactId)),
    coachIds: sorted([...latest.values()].map((s) => s.coachId)),
    rating: (key, contactId, coachId) => cells.get(JSON.stringify([key, contactId, coachId])),
  };
}
