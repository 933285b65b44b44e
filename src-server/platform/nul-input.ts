import type { FastifyInstance } from 'fastify';
import { nulRefusal } from '../../src-shared/protocol/nul-text';
import { AppError } from './errors';

/** Throws an `invalid` AppError naming the field when `value` holds a NUL character anywhere. */
export function refuseNulText(value: unknown, root: string): void {
  const refusal = nulRefusal(value, root);
  if (refusal && !refusal.ok) {
    throw new AppError('invalid', refusal.error.message, refusal.error.details);
  }
}

/**
 * Every route: a NUL character in the parsed body, query or path parameters is refused with a
 * 400 naming the field, before validation and before any handler reads it (PostgreSQL stores
 * no NUL in text; unchecked, it failed deep in a statement as a 500). Raw bodies (webhooks
 * checking a signature over the bytes) are Buffers, left to their routes, which check once parsed.
 */
export function installNulRefusal(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    refuseNulText(req.params, 'params');
    refuseNulText(req.query, 'query');
    refuseNulText(req.body, 'body');
  });
}
