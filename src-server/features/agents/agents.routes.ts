import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { AgentsResponse } from '../../../src-shared/protocol/http';
import { seesEverything } from '../auth/actor';
import type { RouteDeps } from '../../http/route-deps';
import { listAgents } from './agents.repository';
import { openWorkByAgent } from '../contacts/contacts.repository';

export function registerAgentRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.agents,
    {
      schema: {
        tags: ['agents'],
        summary:
          'Agents with live state and current work (supervisors and admins: everyone; a coach: the teams they coach; others: their team)',
        security: [{ bearer: [] }],
        response: { 200: AgentsResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => {
      const actor = req.actor();
      const agents = await listAgents(db, seesEverything(actor) ? null : actor.teamIds);
      const work = await openWorkByAgent(
        db,
        agents.map((a) => a.id),
      );
      return { agents: agents.map((a) => ({ ...a, work: work.get(a.id) ?? [] })) };
    },
  );
}
