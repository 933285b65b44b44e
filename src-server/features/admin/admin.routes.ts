import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { AdminUsersResponse } from '../../../src-shared/protocol/http';
import type { RouteDeps } from '../../http/route-deps';
import { listUsers } from './users.repository';

export function registerAdminRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.adminUsers,
    {
      schema: {
        tags: ['admin'],
        summary: 'Every account with roles, team and status',
        security: [{ bearer: [] }],
        response: { 200: AdminUsersResponse },
      },
      preHandler: authenticate('admin'),
    },
    async () => ({ users: await listUsers(db) }),
  );
}
