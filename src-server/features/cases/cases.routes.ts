import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { CaseResponse, IdParams } from '../../../src-shared/protocol/http';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { STAFF_ROLES } from '../directory/staff-roles';
import { findCaseDetail, mayReadCase } from './cases.repository';

export function registerCaseRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.case,
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its customer, notes and messages',
        description:
          'Supervisors and admins see every case; agents and coaches the cases of the queues they ' +
          'serve and those they worked on (held one of its contacts). Any other answers 404.',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: CaseResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const found = await findCaseDetail(db, req.params.id);
      // A case the actor may not see answers as one that does not exist.
      if (!found || !(await mayReadCase(db, req.actor(), found))) {
        throw new AppError('not_found', `No case ${req.params.id}`);
      }
      return { case: found };
    },
  );
}
