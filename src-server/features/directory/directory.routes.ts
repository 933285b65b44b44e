import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { QueuesResponse, SkillsResponse, TeamsResponse } from '../../../src-shared/protocol/http';
import type { RouteDeps } from '../../http/route-deps';
import { listQueues, listSkills, listTeams } from './directory.repository';
import { STAFF_ROLES } from './staff-roles';

export function registerDirectoryRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['directory'] };
  routes.get(
    API_ROUTES.queues,
    {
      schema: { ...common, summary: 'All queues', response: { 200: QueuesResponse } },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async () => ({ queues: await listQueues(db) }),
  );
  routes.get(
    API_ROUTES.teams,
    {
      schema: { ...common, summary: 'All teams', response: { 200: TeamsResponse } },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async () => ({ teams: await listTeams(db) }),
  );
  routes.get(
    API_ROUTES.skills,
    {
      schema: { ...common, summary: 'The skill catalogue', response: { 200: SkillsResponse } },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async () => ({ skills: await listSkills(db) }),
  );
}
