import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { IdParams } from '../../src-shared/protocol/http';
import { ReassignBody } from '../../src-shared/protocol/supervisor-commands';
import {
  Reassignment,
  ReassignmentAuditQuery,
  ReassignmentsResponse,
  ReassignResponse,
} from '../../src-shared/protocol/supervisor-entities';
import type { RouteDeps } from '../http/route-deps';
import type { CommandBus } from '../features/sync/command-bus';
import { runAsCommand } from '../http/run-command';
import { listReassignments } from './reassignments.repository';
import { registerActionRoutes } from './actions.routes';
import { registerImpactRoutes } from './impact.routes';
import { registerEscalationRoutes } from './escalation.routes';

const SUPERVISORS = ['supervisor', 'admin'] as const;

/** The supervisor's integration surface for reassignment and its audit trail (issue 14). */
export function registerReassignRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['supervision'] };
  routes.post(
    API_ROUTES.contactReassign,
    {
      schema: {
        ...common,
        summary:
          'Move a contact to an agent or a queue: 403 outside your teams, 409 naming where it is now, 422 saying why the agent cannot take it (force: true overrides capacity and Away, recorded)',
        params: IdParams,
        body: ReassignBody,
        response: { 200: ReassignResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => {
      const entity = await runAsCommand(commands, req, COMMAND_TYPES.reassignContact, {
        ...req.body,
        contactId: req.params.id,
      });
      return { reassignment: Reassignment.parse(entity) };
    },
  );
  routes.get(
    API_ROUTES.contactReassignments,
    {
      schema: {
        ...common,
        summary: "A contact's moves, newest first (supervisors and admins)",
        params: IdParams,
        response: { 200: ReassignmentsResponse },
      },
      preHandler: authenticate(...SUPERVISORS),
    },
    async (req) => ({
      reassignments: await listReassignments(db, { contactId: req.params.id, limit: 500 }),
    }),
  );
  routes.get(
    API_ROUTES.reassignmentAudit,
    {
      schema: {
        ...common,
        summary: 'The reassignment audit trail, newest first (supervisors and admins)',
        querystring: ReassignmentAuditQuery,
        response: { 200: ReassignmentsResponse },
      },
      preHandler: authenticate(...SUPERVISORS),
    },
    async (req) => ({ reassignments: await listReassignments(db, req.query) }),
  );
}

/** The supervisor's HTTP routes; they run commands through the same bus as the console. */
export function registerSupervisionRoutes(app: FastifyInstance, deps: RouteDeps, commands: CommandBus): void {
  registerReassignRoutes(app, deps, commands);
  registerActionRoutes(app, deps, commands);
  registerImpactRoutes(app, deps, commands);
  registerEscalationRoutes(app, deps, commands);
}
