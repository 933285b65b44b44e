import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isDatabaseUnavailable } from '../platform/errors';
import type { HttpErrorBody } from '../../src-shared/protocol/envelope';

/** Every failure leaves as `{error:{code,message,details?}}`; nothing internal leaks. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.httpStatus).send({ error: err.toApiError() } satisfies HttpErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.status(400).send({
        error: { code: 'invalid', message: 'The request is not valid', details },
      } satisfies HttpErrorBody);
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'rate_limited', message: 'Too many attempts; wait a minute' } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, body too large, wrong content type.
      return reply
        .status(status)
        .send({ error: { code: 'invalid', message: err.message } } satisfies HttpErrorBody);
    }
    if (isDatabaseUnavailable(err)) {
      // A failover or a restart of PostgreSQL: nothing was wrong with the request, send it again.
      req.log.warn({ err: err.message }, 'request failed: the database is unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: { code: 'unavailable', message: 'The database is unavailable; try again shortly' },
        } satisfies HttpErrorBody);
    }
    req.log.error({ err }, 'request failed');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on the server' } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url}` } }),
  );
}
