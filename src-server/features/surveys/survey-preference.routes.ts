import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { IdParams } from '../../../src-shared/protocol/http';
import { SurveyPreference, SurveyPreferenceBody } from '../../../src-shared/protocol/surveys';
import type { RouteDeps } from '../../http/route-deps';
import { runAsCommand } from '../../http/run-command';
import type { CommandBus } from '../sync/command-bus';

/** `PUT /api/v1/customers/:id/survey-preference`: how often the customer is surveyed. */
export function registerSurveyPreferenceRoute(
  app: FastifyInstance,
  { authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    API_ROUTES.customerSurveyPreference,
    {
      schema: {
        tags: ['customers'],
        summary: 'Set how often the customer gets a satisfaction survey: every_case, monthly or never',
        description:
          'Scope: supervisors and admins any customer; agents the customers their work reaches ' +
          '(as GET /api/v1/customers/:id); any other answers 404, as a missing one. Runs the ' +
          '`customer:set-survey-preference` command (Idempotency-Key header honoured).',
        security: [{ bearer: [] }],
        params: IdParams,
        body: SurveyPreferenceBody,
        response: { 200: z.object({ preference: SurveyPreference }) },
      },
      preHandler: authenticate('agent', 'supervisor', 'admin'),
    },
    async (req) => {
      const entity = await runAsCommand(commands, req, COMMAND_TYPES.setSurveyPreference, {
        customerId: req.params.id,
        frequency: req.body.frequency,
      });
      return { preference: SurveyPreference.parse(entity) };
    },
  );
}
