import type { SurveyFrequency } from '../../../src-shared/protocol/surveys';

const MONTH_MS = 30 * 86_400_000;

/**
 * Whether a resolved or closed case brings a survey: never twice for one case, never when the
 * customer said never, and for `monthly` not within 30 days of the customer's last survey.
 */
export function shouldSurvey(input: {
  frequency: SurveyFrequency;
  hasSurveyForCase: boolean;
  lastSurveyAt: Date | null;
  now: Date;
}): boolean {
  if (input.hasSurveyForCase || input.frequency === 'never') return false;
  if (input.frequency === 'every_case') return true;
  return input.lastSurveyAt === null || input.now.getTime() - input.lastSurveyAt.getTime() >= MONTH_MS;
}
