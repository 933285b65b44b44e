import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SURVEY_PAGE_PATH, SurveyAnswer } from '../../../src-shared/protocol/surveys';
import { limitRequests } from '../../http/rate-limit-hook';
import { clientKey } from '../../platform/client-key';
import { answerSurvey, findSurvey, type SurveyView } from '../../features/surveys/surveys.repository';
import { verifySurveyToken } from '../../features/surveys/survey-token';
import type { ChannelContext } from '../channels';
import { surveyFormPage, surveyMessagePage } from './survey-html';
import { surveyWords, type SurveyWords } from './survey-text';

/** A rating and a comment of at most 2,000 characters fit easily; anything larger is refused (413). */
const SURVEY_BODY_LIMIT = 8 * 1024;
const TokenParams = z.object({ token: z.string() });

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return (
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      // The token is in the address: no referrer leaves with it, no cache keeps the page.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .send(html)
  );
}

type Opened = { survey: SurveyView; words: SurveyWords } | { status: number; html: string };

/** The survey a link opens, or the page that says why it does not (404 unknown, 410 expired, 409 answered). */
async function openSurvey(ctx: ChannelContext, token: string, now: Date): Promise<Opened> {
  const fallback = surveyWords('en');
  const check = await verifySurveyToken(ctx.config.jwtSecret, token);
  if ('refused' in check) {
    return check.refused === 'expired'
      ? { status: 410, html: surveyMessagePage(fallback, fallback.expired) }
      : { status: 404, html: surveyMessagePage(fallback, fallback.notFound) };
  }
  const survey = await findSurvey(ctx.db, check.surveyId);
  if (!survey) return { status: 404, html: surveyMessagePage(fallback, fallback.notFound) };
  const words = surveyWords(survey.language);
  if (survey.answeredAt) return { status: 409, html: surveyMessagePage(words, words.alreadyAnswered) };
  if (survey.expiresAt.getTime() <= now.getTime())
    return { status: 410, html: surveyMessagePage(words, words.expired) };
  return { survey, words };
}

/** Form posts arrive url-encoded; only the survey routes read them (this plugin's own parser). */
function parseFormBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

/**
 * `GET/POST /survey/:token`: the public survey page (no sign-in; the signed single-use link is
 * the customer's proof), rate-limited per client address on every request.
 */
export function registerSurveyPageRoutes(http: FastifyInstance, ctx: ChannelContext): void {
  const requests = ctx.limits.shared('surveys', { points: ctx.config.surveyRateLimit, durationS: 60 });
  const limit = limitRequests(requests, (req) => clientKey(req.ip));
  void http.register(async (scope) => {
    parseFormBodies(scope);
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    routes.get(
      SURVEY_PAGE_PATH,
      {
        onRequest: limit,
        schema: {
          tags: ['surveys'],
          summary:
            'The customer satisfaction survey page (HTML, public: the signed single-use link is the proof; rate-limited per address)',
          params: TokenParams,
        },
      },
      async (req, reply) => {
        const opened = await openSurvey(ctx, req.params.token, new Date());
        if ('status' in opened) return sendPage(reply, opened.status, opened.html);
        const { survey, words } = opened;
        return sendPage(
          reply,
          200,
          surveyFormPage(words, { caseNumber: survey.caseNumber, caseSubject: survey.caseSubject }),
        );
      },
    );
    routes.post(
      SURVEY_PAGE_PATH,
      {
        bodyLimit: SURVEY_BODY_LIMIT,
        onRequest: limit,
        schema: {
          tags: ['surveys'],
          summary:
            'Answers the survey once: rating 1–5 and comment (form-encoded or JSON). 400 bad rating, 404 unknown link, 409 answered, 410 expired, 413 too large',
          params: TokenParams,
        },
      },
      async (req, reply) => {
        const now = new Date();
        const opened = await openSurvey(ctx, req.params.token, now);
        if ('status' in opened) return sendPage(reply, opened.status, opened.html);
        const { survey, words } = opened;
        const answer = SurveyAnswer.safeParse(req.body ?? {});
        if (!answer.success) {
          const comment = z.object({ comment: z.string() }).safeParse(req.body);
          const isCommentTooLong = answer.error.issues.some((issue) => issue.path[0] === 'comment');
          return sendPage(
            reply,
            400,
            surveyFormPage(words, {
              caseNumber: survey.caseNumber,
              caseSubject: survey.caseSubject,
              error: isCommentTooLong ? words.commentTooLong : words.badRating,
              comment: comment.success ? comment.data.comment.slice(0, 2000) : '',
            }),
          );
        }
        const outcome = await answerSurvey(ctx.db, survey.id, answer.data, now);
        if (outcome === 'answered')
          return sendPage(reply, 200, surveyMessagePage(words, words.thanks, words.thanksDetail));
        if (outcome === 'already_answered')
          return sendPage(reply, 409, surveyMessagePage(words, words.alreadyAnswered));
        if (outcome === 'expired') return sendPage(reply, 410, surveyMessagePage(words, words.expired));
        return sendPage(reply, 404, surveyMessagePage(words, words.notFound));
      },
    );
  });
}
