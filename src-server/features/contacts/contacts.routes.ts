import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import {
  ContactListQuery,
  ContactListResponse,
  ContactResponse,
} from '../../../src-shared/protocol/contacts';
import { IdParams } from '../../../src-shared/protocol/http';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { STAFF_ROLES } from '../directory/staff-roles';
import { CallerCandidatesResponse } from '../../../src-shared/protocol/caller-identity';
import { callerCandidates } from './caller-candidates';
import { findContactDetail, listContacts } from './contacts.repository';

export function registerContactRoutes(app: FastifyInstance, { db, config, authenticate }: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['contacts'] };
  routes.get(
    API_ROUTES.contacts,
    {
      schema: {
        ...common,
        summary: 'Contacts, newest first (agents: their queues and their own; supervisors: all)',
        querystring: ContactListQuery,
        response: { 200: ContactListResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => ({ contacts: await listContacts(db, req.actor(), req.query) }),
  );
  routes.get(
    API_ROUTES.contact,
    {
      schema: {
        ...common,
        summary: 'A contact with its state, holder and the routing decisions that shaped it',
        params: IdParams,
        response: { 200: ContactResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const contact = await findContactDetail(db, req.actor(), req.params.id);
      if (!contact) throw new AppError('not_found', `No contact ${req.params.id}`);
      return { contact };
    },
  );
  routes.get(
    API_ROUTES.contactCandidates,
    {
      schema: {
        ...common,
        summary: 'Customers a contact may be from (its number or address), last in touch first',
        description:
          'For the screen pop picker of an ambiguous or unknown caller: whoever may read the contact ' +
          'sees the customers with its number, or its address, or in the company owning its mail domain.',
        params: IdParams,
        response: { 200: CallerCandidatesResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const contact = await findContactDetail(db, req.actor(), req.params.id);
      if (!contact) throw new AppError('not_found', `No contact ${req.params.id}`);
      return { candidates: await callerCandidates(db, contact, config.phoneRegion) };
    },
  );
}
