import type { TFunction } from 'i18next';
import type { ConsoleNotification } from '../../../src-shared/protocol/supervisor-entities';

/** A notice worded in the person's language where its kind is known, else its own words. */
export function noticeText(n: ConsoleNotification, t: TFunction): string {
  const { by, reason, to, score, criteria, outcome, note } = n.params;
  if (n.kind === 'contact_reassigned_away' && by)
    return t('notices.movedAway', { by, to: to ?? '', reason: reason || t('notices.noReason') });
  if (n.kind === 'state_forced' && by)
    return t('notices.stateForced', { by, reason: reason || t('notices.noReason') });
  if (n.kind === 'evaluation_released' && by)
    return score
      ? t('notices.evaluationReleased', { by, score })
      : t('notices.evaluationReleasedNoScore', { by });
  if (n.kind === 'evaluation_acknowledged' && by) return t('notices.evaluationAcknowledged', { by });
  if (n.kind === 'evaluation_disputed' && by)
    return t('notices.evaluationDisputed', { by, criteria: criteria ?? '' });
  if (n.kind === 'evaluation_dispute_resolved' && by && isOutcome(outcome)) {
    const decided = t('notices.evaluationResolved', { by, outcome: t(`notices.outcome.${outcome}`) });
    return note ? `${decided} — ${note}` : decided;
  }
  return noticeLine(n.params);
}

function isOutcome(value: string | undefined): value is 'accepted' | 'partly' | 'rejected' {
  return value === 'accepted' || value === 'partly' || value === 'rejected';
}

/** The notice's own words: who did it and why, as the server gave them. */
export function noticeLine(params: Record<string, string>): string {
  return Object.entries(params)
    .filter(([key]) => !key.endsWith('Id'))
    .map(([, value]) => value)
    .join(' · ');
}

/** Where a notice about an evaluation opens it: the agent's own page, or the coach's screen. */
export function evaluationScreenOf(n: ConsoleNotification): 'quality' | 'coaching' | null {
  if (!n.params.evaluationId) return null;
  if (n.kind === 'evaluation_released' || n.kind === 'evaluation_dispute_resolved') return 'quality';
  if (n.kind === 'evaluation_acknowledged' || n.kind === 'evaluation_disputed') return 'coaching';
  return null;
}
