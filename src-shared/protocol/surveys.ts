import { z } from 'zod';

/** How often a customer is asked about a resolved case: every case, at most one a month, never. */
export const SurveyFrequency = z.enum(['every_case', 'monthly', 'never']);
export type SurveyFrequency = z.infer<typeof SurveyFrequency>;

/** `PUT /api/v1/customers/:id/survey-preference` body. */
export const SurveyPreferenceBody = z.object({ frequency: SurveyFrequency });
export type SurveyPreferenceBody = z.infer<typeof SurveyPreferenceBody>;

/** The `customer:set-survey-preference` command's payload. */
export const SetSurveyPreferencePayload = z.object({
  customerId: z.string().min(1).max(64),
  frequency: SurveyFrequency,
});
export type SetSurveyPreferencePayload = z.infer<typeof SetSurveyPreferencePayload>;

/** A customer's survey preference as stored (the command's answer). */
export const SurveyPreference = z.object({
  customerId: z.string(),
  frequency: SurveyFrequency,
  version: z.number().int(),
});
export type SurveyPreference = z.infer<typeof SurveyPreference>;

export const SURVEY_COMMENT_MAX = 2000;

/**
 * What the customer posts on the survey page (form fields arrive as text): a rating 1–5 and an
 * optional comment.
 */
export const SurveyAnswer = z.object({
  rating: z.coerce.number().int().min(1).max(5),
  comment: z.string().trim().max(SURVEY_COMMENT_MAX).default(''),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

/** The customer's answer as the case view shows it (CSAT of the case, its contact and agent). */
export const CaseCsat = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  answeredAt: z.string(),
  agentId: z.string().nullable(),
  contactId: z.string().nullable(),
});
export type CaseCsat = z.infer<typeof CaseCsat>;

/** The public page a survey link opens. */
export const SURVEY_PAGE_PATH = '/survey/:token';
