import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import {
  CustomerResponse,
  CustomerSearchQuery,
  CustomerSearchResponse,
  IdParams,
} from '../../../src-shared/protocol/http';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { STAFF_ROLES } from '../directory/staff-roles';
import { InteractionsQuery, InteractionsResponse } from '../../../src-shared/protocol/interactions';
import { findCustomerDetail, mayReadCustomer, searchCustomers } from './customers.repository';
import { findInteractions } from './interactions.repository';

export function registerCustomerRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    API_ROUTES.customers,
    {
      schema: {
        tags: ['customers'],
        summary: 'Search customers by name, email, phone or company',
        description:
          'Supervisors and admins search every customer; agents and coaches those their work needs ' +
          '(a case or contact in a queue they serve, a contact offered to or held by them).',
        security: [{ bearer: [] }],
        querystring: CustomerSearchQuery,
        response: { 200: CustomerSearchResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => ({ customers: await searchCustomers(db, req.actor(), req.query.q, req.query.limit) }),
  );
  routes.get(
    API_ROUTES.customer,
    {
      schema: {
        tags: ['customers'],
        summary: 'A customer with company, contract and cases',
        description:
          'Supervisors and admins read every customer; agents and coaches those their work needs, ' +
          'with the cases they may read. Any other answers 404, as a missing one.',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: CustomerResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      // A customer the actor may not read answers as one that does not exist.
      const customer = await findCustomerDetail(db, req.actor(), req.params.id);
      if (!customer) throw new AppError('not_found', `No customer ${req.params.id}`);
      return { customer };
    },
  );
  routes.get(
    API_ROUTES.customerInteractions,
    {
      schema: {
        tags: ['customers'],
        summary: "A customer's last interactions on every channel",
        description:
          'The newest contacts of the customer (phone, email, web form, chat, callback), with ' +
          'channel, date, queue and outcome, for the Screen pop. Read by whoever may read the ' +
          'customer; any other answers 404, as a missing one.',
        security: [{ bearer: [] }],
        params: IdParams,
        querystring: InteractionsQuery,
        response: { 200: InteractionsResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      if (!(await mayReadCustomer(db, req.actor(), req.params.id)))
        throw new AppError('not_found', `No customer ${req.params.id}`);
      return { interactions: await findInteractions(db, req.params.id, req.query.limit) };
    },
  );
}
