import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  COACHING_ROUTES as R,
  BeforeAfterQuery,
  BeforeAfterResponse,
  CsatQuery,
  CsatResponse,
} from '../../../src-shared/protocol/coaching-http';
import type { RouteDeps } from '../../http/route-deps';
import { coachTeamIds } from './coaching-scope';
import { followUpBeforeAfter, qaBesideCsat } from './quality-compare.repository';

const DEFAULT_RANGE_MS = 90 * 86_400_000;

/** Skills before and after coaching follow-ups, and QA beside CSAT, for the teams the caller coaches. */
export function registerQualityCompareRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['coaching'] };
  routes.get(
    R.analyticsBeforeAfter.path,
    {
      schema: {
        ...common,
        summary: R.analyticsBeforeAfter.summary,
        querystring: BeforeAfterQuery,
        response: { 200: BeforeAfterResponse },
      },
      preHandler: authenticate(...R.analyticsBeforeAfter.roles),
    },
    async (req) =>
      followUpBeforeAfter(db, {
        teamScope: await coachTeamIds(db, req.actor()),
        windowDays: req.query.windowDays,
        minSample: req.query.minSample,
      }),
  );
  routes.get(
    R.analyticsCsat.path,
    {
      schema: {
        ...common,
        summary: R.analyticsCsat.summary,
        querystring: CsatQuery,
        response: { 200: CsatResponse },
      },
      preHandler: authenticate(...R.analyticsCsat.roles),
    },
    async (req) => {
      const to = req.query.to ? new Date(req.query.to) : new Date();
      const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
      return qaBesideCsat(db, {
        teamScope: await coachTeamIds(db, req.actor()),
        from,
        to,
        minSample: req.query.minSample,
      });
    },
  );
}
