import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { CannedResponsesQuery, CannedResponsesResponse } from '../../../src-shared/protocol/canned-responses';
import type { RouteDeps } from '../../http/route-deps';
import { listCannedFor } from './canned-responses.repository';

export function registerCannedResponseRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.cannedResponses,
    {
      schema: {
        tags: ['canned responses'],
        summary:
          'Canned responses the caller may use: their own personal ones and the shared ones of their queues and team (supervisors and admins: every shared one); `queueId` keeps those that apply to that queue',
        security: [{ bearer: [] }],
        querystring: CannedResponsesQuery,
        response: { 200: CannedResponsesResponse },
      },
      preHandler: authenticate('agent', 'supervisor', 'admin'),
    },
    async (req) => ({ responses: await listCannedFor(db, req.actor(), req.query) }),
  );
}
