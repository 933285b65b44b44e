import type { FastifyInstance } from 'fastify';
import { PermanentJobError, type JobSender } from '../../features/outbound/outbound-jobs';
import { SurveyJobPayload } from '../../features/surveys/survey-queue';
import { findSurvey, markSurveySent } from '../../features/surveys/surveys.repository';
import { signSurveyToken } from '../../features/surveys/survey-token';
import type { ChannelDeps } from '../inbound-commit';
import { createMailDelivery } from '../email/reply-sender';
import { surveyLinkOf } from './survey-link';
import { surveyWords } from './survey-text';

/**
 * Sends survey emails (job kind `survey_email`) over the same relay (or mail-out directory) as
 * replies, with a link signed for this survey until it expires.
 */
export function createSurveyMailSender(
  deps: Pick<ChannelDeps, 'db' | 'config'>,
  http: FastifyInstance,
): JobSender {
  const deliver = createMailDelivery(deps.config);
  const linkOf = surveyLinkOf(http, deps.config);
  return {
    async send(payload, job) {
      const parsed = SurveyJobPayload.safeParse(payload);
      if (!parsed.success) throw new PermanentJobError('The survey job does not name a survey');
      const survey = await findSurvey(deps.db, parsed.data.surveyId);
      if (!survey) throw new PermanentJobError(`No survey ${parsed.data.surveyId}`);
      // A job claimed again after its node died mid-send: never ask the customer twice.
      if (survey.sentAt) return;
      const words = surveyWords(survey.language);
      const token = await signSurveyToken(deps.config.jwtSecret, survey.id, survey.expiresAt);
      await deliver(
        {
          from: deps.config.mailFrom,
          to: survey.email,
          subject: words.subject(survey.caseNumber),
          text: words.mail({
            name: survey.customerName,
            caseNumber: survey.caseNumber,
            subject: survey.caseSubject,
            link: linkOf(token),
          }),
          headers: { 'Auto-Submitted': 'auto-generated' },
        },
        job.id,
      );
      await markSurveySent(deps.db, survey.id, new Date());
    },
  };
}
