import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WebFormReceipt, WebFormSubmission } from '../../../src-shared/protocol/web-channel';
import type { ChannelContext } from '../channels';
import { receiveWebForm } from './web-form-intake';
import { limitRequests } from '../../http/rate-limit-hook';
import { clientKey } from '../../platform/client-key';

export const WEB_FORMS_PATH = '/api/v1/channels/web/forms';
const WEB_FORM_BODY_LIMIT = 64 * 1024;

/**
 * Forms are posted from customers' websites: any origin may post, none gets credentials (the
 * route reads no cookies and no tokens, so a foreign page learns nothing it did not send).
 */
function allowAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'POST');
  reply.header('access-control-allow-headers', 'content-type');
  reply.header('access-control-max-age', '600');
}

/** `POST /api/v1/channels/web/forms`: a case, its first message and a routed contact; 201 once stored. */
export function registerWebFormRoute(http: FastifyInstance, ctx: ChannelContext): void {
  const routes = http.withTypeProvider<ZodTypeProvider>();
  const posts = ctx.limits.shared('web-forms', { points: ctx.config.webFormRateLimit, durationS: 60 });
  const limitPosts = limitRequests(posts, (req) => clientKey(req.ip));
  routes.options(WEB_FORMS_PATH, { schema: { hide: true } }, async (_req, reply) => {
    allowAnyOrigin(reply);
    return reply.status(204).send();
  });
  routes.post(
    WEB_FORMS_PATH,
    {
      bodyLimit: WEB_FORM_BODY_LIMIT,
      // onRequest: malformed and invalid posts count too, before any parsing work is spent on them.
      onRequest: async (req, reply) => {
        allowAnyOrigin(reply);
        await limitPosts(req, reply);
      },
      schema: {
        tags: ['channels'],
        summary:
          'Web form from a customer website (any origin, no credentials; rate-limited per address): opens a case, or adds to caseId when it is the same person’s',
        body: WebFormSubmission,
        response: { 201: WebFormReceipt },
      },
    },
    async (req, reply) => {
      const form = req.body;
      if (form.website) {
        // A bot filled the hidden field: it gets the answer a person would, and nothing is stored.
        return reply
          .status(201)
          .send({ caseNumber: randomInt(10_000, 99_999), caseId: `case_${randomUUID()}` });
      }
      return reply.status(201).send(await receiveWebForm(ctx, form));
    },
  );
}
