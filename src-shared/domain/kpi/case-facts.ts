import type { KpiDelta, KpiKey } from './aggregate';
import { intervalStart } from './intervals';
import type { KpiProjectionSettings } from './settings';

/** Where a case-level fact is reported: the case's queue and channel, the agent and their team then. */
export type FactOwner = Omit<KpiKey, 'interval'>;

const DAY_MS = 86_400_000;

function keyAt(at: number, owner: FactOwner): KpiKey {
  return { interval: intervalStart(at), ...owner };
}

/** A customer's survey answer (1–5), counted in the interval it arrived, for the contact it rates. */
export interface CsatResponse {
  at: number;
  rating: 1 | 2 | 3 | 4 | 5;
  owner: FactOwner;
}

export function csatDeltas(response: CsatResponse): KpiDelta[] {
  return [{ key: keyAt(response.at, response.owner), counts: { [`csatRated${response.rating}`]: 1 } }];
}

/** A released evaluation's final score (0–100), counted in the interval it was released. */
export interface QaRelease {
  at: number;
  scorePercent: number;
  owner: FactOwner;
}

export function qaDeltas(release: QaRelease): KpiDelta[] {
  const centi = Math.round(Math.min(100, Math.max(0, release.scorePercent)) * 100);
  return [{ key: keyAt(release.at, release.owner), counts: { qaEvaluations: 1, qaScoreCentiSum: centi } }];
}

/**
 * What first-contact resolution needs of a case: when its contacts arrived (every channel, the
 * agent's own scheduled callbacks too) and when it was resolved, by whom. A projection keeps this
 * per case and adds a contact or a resolution as events arrive.
 */
export interface CaseHistory {
  caseId: string;
  contactsAt: number[];
  resolutions: { at: number; owner: FactOwner }[];
}

/**
 * Each resolution counts as resolved in the interval it happened; it counts as resolved *with
 * repeat* (not at first contact) when the case had more than one contact up to it, or another
 * contact came within `fcrWindowDays` after it. A repeat arriving later adds to the resolution's
 * interval then, so FCR for the last N days can still fall (docs/KPIS.md).
 */
export function caseDeltas(history: CaseHistory, settings: KpiProjectionSettings): KpiDelta[] {
  const windowMs = settings.fcrWindowDays * DAY_MS;
  return history.resolutions.map(({ at, owner }) => {
    const before = history.contactsAt.filter((t) => t <= at).length;
    const repeat = history.contactsAt.some((t) => t > at && t <= at + windowMs);
    return {
      key: keyAt(at, owner),
      counts: { resolved: 1, resolvedWithRepeat: before > 1 || repeat ? 1 : 0 },
    };
  });
}
