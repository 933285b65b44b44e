import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { CaseResponse, IdParams } from '../../../src-shared/protocol/http';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { STAFF_ROLES } from '../directory/staff-roles';
import { findCaseDetail } from './cases.repository';

export function registerCaseRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.case,
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its customer, notes and messages',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: CaseResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const found = await findCaseDetail(db, req.params.id);
      if (!found) throw new AppError('not_found', `No case ${req.params.id}`);
      return { case: found };
    },
  );
}
