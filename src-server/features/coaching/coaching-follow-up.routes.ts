import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../src-shared/protocol/http';
import {
  COACHING_ROUTES as R,
  AnalyticsQuery,
  AnalyticsTrendResponse,
  FollowUpsResponse,
  MonitorBody,
} from '../../../src-shared/protocol/coaching-http';
import {
  AssignFollowUpPayload,
  COACHING_COMMAND_TYPES as T,
  FollowUpTask,
  MonitorSession,
} from '../../../src-shared/protocol/coaching-commands';
import type { RouteDeps } from '../../http/route-deps';
import type { CommandBus } from '../sync/command-bus';
import { commandIdOf, runAsHttp } from '../../http/run-command';
import { coachTeamIds, isCoaching } from './coaching-scope';
import { qualityTrend } from './analytics.repository';
import { listTasks } from './follow-up.commands';

/** Follow-up tasks, live monitoring (the same handlers as the socket commands) and quality trends. */
export function registerFollowUpRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['coaching'] };
  routes.get(
    R.followUps.path,
    {
      schema: { ...common, summary: R.followUps.summary, response: { 200: FollowUpsResponse } },
      preHandler: authenticate(...R.followUps.roles),
    },
    async (req) => {
      const actor = req.actor();
      return { tasks: await listTasks(db, isCoaching(actor) ? null : actor.id) };
    },
  );
  routes.post(
    R.followUpAssign.path,
    {
      schema: {
        ...common,
        summary: R.followUpAssign.summary,
        body: AssignFollowUpPayload.omit({ taskId: true }),
        response: { 200: FollowUpTask },
      },
      preHandler: authenticate(...R.followUpAssign.roles),
    },
    async (req) => {
      const id = commandIdOf(req);
      return FollowUpTask.parse(
        await runAsHttp(commands, req, id, T.assignFollowUp, { ...req.body, taskId: id }),
      );
    },
  );
  routes.post(
    R.followUpDone.path,
    {
      schema: {
        ...common,
        summary: R.followUpDone.summary,
        params: IdParams,
        response: { 200: FollowUpTask },
      },
      preHandler: authenticate(...R.followUpDone.roles),
    },
    async (req) =>
      FollowUpTask.parse(
        await runAsHttp(commands, req, commandIdOf(req), T.completeFollowUp, { taskId: req.params.id }),
      ),
  );
  routes.post(
    R.monitor.path,
    {
      schema: {
        ...common,
        summary: R.monitor.summary,
        params: IdParams,
        body: MonitorBody,
        response: { 200: MonitorSession },
      },
      preHandler: authenticate(...R.monitor.roles),
    },
    async (req) =>
      MonitorSession.parse(
        await runAsHttp(commands, req, commandIdOf(req), T.monitorCall, {
          ...req.body,
          contactId: req.params.id,
        }),
      ),
  );
  routes.get(
    R.analyticsTrend.path,
    {
      schema: {
        ...common,
        summary: R.analyticsTrend.summary,
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsTrendResponse },
      },
      preHandler: authenticate(...R.analyticsTrend.roles),
    },
    async (req) => qualityTrend(db, req.query, await coachTeamIds(db, req.actor())),
  );
}
