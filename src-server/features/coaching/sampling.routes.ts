import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../src-shared/protocol/http';
import {
  COACHING_ROUTES as R,
  SamplingPlansResponse,
  WorklistResponse,
} from '../../../src-shared/protocol/coaching-http';
import { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import {
  SamplingDraw,
  SamplingPlan,
  SamplingPlanBody,
  SamplingSeed,
} from '../../../src-shared/protocol/coaching-sampling';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { commandIdOf, runAsHttp } from '../../http/run-command';
import type { CommandBus } from '../sync/command-bus';
import { coachTeamIds } from './coaching-scope';
import { listPlans, recentDraws } from './sampling.repository';
import { coachWorklist } from './worklist.repository';

/**
 * Sampling over HTTP: the plans with their latest draws, saving a plan and drawing it (the same
 * handlers as the socket commands), and the signed-in coach's worklist.
 */
export function registerSamplingRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['coaching'] };
  const header = z.object({ 'idempotency-key': z.string().optional() });

  routes.get(
    R.samplingPlans.path,
    {
      schema: { ...common, summary: R.samplingPlans.summary, response: { 200: SamplingPlansResponse } },
      preHandler: authenticate(...R.samplingPlans.roles),
    },
    async (req) => {
      // A coach follows the plans that sample their teams (and supervisors' all-teams plans,
      // which draw their agents too); supervisors and admins see every plan.
      const mine = await coachTeamIds(db, req.actor());
      const plans = (await listPlans(db)).filter(
        (p) => mine === null || p.teamIds.length === 0 || p.teamIds.some((t) => mine.includes(t)),
      );
      const planIds = new Set(plans.map((p) => p.id));
      const draws = (await recentDraws(db, 50)).filter((d) => planIds.has(d.planId));
      return { plans, draws };
    },
  );
  routes.post(
    R.samplingPlanSave.path,
    {
      schema: {
        ...common,
        summary: R.samplingPlanSave.summary,
        headers: header,
        body: z.object({
          planId: z.uuid().optional(),
          expectedVersion: z.number().int().optional(),
          plan: SamplingPlanBody,
        }),
        response: { 200: SamplingPlan },
      },
      preHandler: authenticate(...R.samplingPlanSave.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      const { planId = id, expectedVersion, plan } = req.body;
      const ack = await commands.run(req.actor(), {
        commandId: id,
        type: T.saveSamplingPlan,
        payload: { planId, plan },
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      if (!ack.ok) throw new AppError(ack.error.code, ack.error.message, ack.error.details);
      return SamplingPlan.parse(ack.data.entity);
    },
  );
  routes.post(
    R.samplingDraw.path,
    {
      schema: {
        ...common,
        summary: R.samplingDraw.summary,
        headers: header,
        params: IdParams,
        body: z.object({ seed: SamplingSeed.optional() }).optional(),
        response: { 200: SamplingDraw },
      },
      preHandler: authenticate(...R.samplingDraw.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      const payload = { planId: req.params.id, drawId: id, ...(req.body ?? {}) };
      return SamplingDraw.parse(await runAsHttp(commands, req, id, T.drawSample, payload));
    },
  );
  routes.get(
    R.worklist.path,
    {
      schema: { ...common, summary: R.worklist.summary, response: { 200: WorklistResponse } },
      preHandler: authenticate(...R.worklist.roles),
    },
    async (req) => ({ items: await coachWorklist(db, req.actor(), Date.now()) }),
  );
}
