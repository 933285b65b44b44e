import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { Contact } from '../../src-shared/protocol/contacts';
import { IdParams } from '../../src-shared/protocol/http';
import { ImpactPreview, ImpactQuery } from '../../src-shared/protocol/supervision';
import { JumpBody } from '../../src-shared/protocol/supervisor-commands';
import { actionOfQuery } from '../../src-shared/domain/supervision/actions';
import { previewImpact } from '../../src-shared/domain/supervision/impact';
import { AppError } from '../platform/errors';
import { findQueue } from '../features/directory/directory.repository';
import { findContactDetail } from '../features/contacts/contacts.repository';
import type { RouteDeps } from '../http/route-deps';
import type { CommandBus } from '../features/sync/command-bus';
import { loadFloorState } from './floor-state';
import { runAsCommand } from '../http/run-command';
import { requireSupervisorOf } from './supervisor-scope';

/** The impact preview of a jump or a reassignment, and the jump itself (issue 14). */
export function registerImpactRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['supervision'] };
  routes.get(
    API_ROUTES.contactImpact,
    {
      schema: {
        ...common,
        summary: "Which other contacts' expected wait and SLA outcome a jump or a reassignment changes",
        params: IdParams,
        querystring: ImpactQuery,
        response: { 200: ImpactPreview },
      },
      preHandler: authenticate('supervisor', 'admin'),
    },
    async (req) => {
      const contact = await findContactDetail(db, req.actor(), req.params.id);
      const queue = contact ? await findQueue(db, contact.queueId) : null;
      if (!contact || !queue) throw new AppError('not_found', `No contact ${req.params.id}`);
      requireSupervisorOf(req.actor(), queue);
      const state = await loadFloorState(db, new Date());
      return previewImpact(state, actionOfQuery(contact.id, req.query));
    },
  );
  routes.post(
    API_ROUTES.contactJump,
    {
      schema: {
        ...common,
        summary: 'Jump a waiting contact ahead of every contact not jumped',
        params: IdParams,
        body: JumpBody,
        response: { 200: z.object({ contact: Contact }) },
      },
      preHandler: authenticate(),
    },
    async (req) => ({
      contact: Contact.parse(
        await runAsCommand(commands, req, COMMAND_TYPES.jumpContact, {
          ...req.body,
          contactId: req.params.id,
        }),
      ),
    }),
  );
}
