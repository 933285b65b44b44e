import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { SaveEscalationRulesPayload } from '../../src-shared/protocol/supervisor-commands';
import { EscalationRulesResponse } from '../../src-shared/protocol/supervisor-entities';
import type { RouteDeps } from '../http/route-deps';
import type { CommandBus } from '../features/sync/command-bus';
import { runAsCommand } from '../http/run-command';
import { readEscalationRules } from './escalation-rules.repository';

/** The admin's escalation rules: read them, save them all (a command through the bus). */
export function registerEscalationRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['admin'] };
  routes.get(
    API_ROUTES.escalationRules,
    {
      schema: {
        ...common,
        summary: 'The automatic case escalation rules, in the order they are evaluated',
        response: { 200: EscalationRulesResponse },
      },
      preHandler: authenticate('admin'),
    },
    async () => readEscalationRules(db),
  );
  routes.put(
    API_ROUTES.escalationRules,
    {
      schema: {
        ...common,
        summary: 'Replace the escalation rules (admins); unresolved cases are evaluated again at once',
        body: SaveEscalationRulesPayload,
        response: { 200: EscalationRulesResponse },
      },
      preHandler: authenticate(),
    },
    async (req) =>
      EscalationRulesResponse.parse(
        await runAsCommand(commands, req, COMMAND_TYPES.saveEscalationRules, req.body),
      ),
  );
}
