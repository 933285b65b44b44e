import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { IdParams } from '../../../src-shared/protocol/http';
import { attachments, cases, messages } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { RouteDeps } from '../../http/route-deps';
import { seesEverything } from '../auth/actor';
import { STAFF_ROLES } from '../directory/staff-roles';
import { attachmentHeaders } from './attachment-headers';

/**
 * A file that came with a message, for people who may see its case (the queues they serve;
 * supervisors and admins: all). Anything else is a 404, so ids of other teams' files leak nothing.
 */
export function registerAttachmentRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.attachment,
    {
      schema: {
        tags: ['cases'],
        summary: 'An attachment of a message, served with a safe content type',
        description:
          'PNG, JPEG, GIF, PDF and plain text may be shown inline; every other type is sent as ' +
          'application/octet-stream to download. Always nosniff and a sandboxing CSP.',
        security: [{ bearer: [] }],
        params: IdParams,
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req, reply) => {
      const actor = req.actor();
      const [found] = await db
        .select({
          filename: attachments.filename,
          contentType: attachments.contentType,
          content: attachments.content,
          queueId: cases.queueId,
        })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .innerJoin(cases, eq(cases.id, messages.caseId))
        .where(eq(attachments.id, req.params.id))
        .limit(1);
      if (!found || !(seesEverything(actor) || actor.queueIds.includes(found.queueId))) {
        throw new AppError('not_found', `No attachment ${req.params.id}`);
      }
      return reply.headers(attachmentHeaders(found)).send(found.content);
    },
  );
}
