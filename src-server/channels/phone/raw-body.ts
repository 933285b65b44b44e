import type { FastifyInstance } from 'fastify';

/**
 * In this (encapsulated) plugin every body arrives as the raw Buffer: webhook signatures are
 * computed over the exact bytes, so the route parses after checking. The global parsers stay.
 */
export function keepRawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}

export function rawBodyOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
