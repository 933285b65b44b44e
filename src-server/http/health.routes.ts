import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { DatabaseHealth } from '../db/database-health';
import type { Metrics } from '../platform/metrics';

export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { database: Database; health: DatabaseHealth; metrics: Metrics },
): void {
  const hidden = { schema: { hide: true } };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async (_req, reply) => {
    if (await deps.health.check()) return { status: 'ready', database: deps.database.kind };
    return reply.status(503).send({ status: 'not ready', database: deps.database.kind });
  });
  app.get('/metrics', hidden, async (_req, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
}
