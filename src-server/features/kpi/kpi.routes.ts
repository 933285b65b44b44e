import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route-deps';
import { KPI_REPORT_ROUTE, KpiQuery, KpiReportResponse } from '../../../src-shared/protocol/kpi-report';
import { loadQueueFacts } from './kpi-context';
import type { KpiProjection } from './kpi-projection';
import { readKpiReport } from './kpi-report';
import { scopeFor } from './kpi-scope';
import type { KpiSettings } from './kpi-settings';

export interface KpiRouteDeps {
  projection: KpiProjection;
  settings: KpiSettings;
  now?: () => number;
}

export function registerKpiRoutes(app: FastifyInstance, deps: RouteDeps, kpi: KpiRouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    KPI_REPORT_ROUTE,
    {
      schema: {
        tags: ['reports'],
        summary:
          'Contact-center measures per period (15m, day, week, month in each queue’s time zone), each with its sample size; agents see their own, supervisors their team’s, admins all. Formulas: docs/KPIS.md',
        security: [{ bearer: [] }],
        querystring: KpiQuery,
        response: { 200: KpiReportResponse },
      },
      preHandler: deps.authenticate(),
    },
    async (req) => {
      const queueFacts = await loadQueueFacts(deps.db);
      const scope = await scopeFor(deps.db, req.actor(), req.query, queueFacts);
      // Whatever was committed before this request counts: fold the log's tail first (only
      // what is new since the projection's last position, never the whole history).
      await kpi.projection.catchUp();
      return readKpiReport(deps.db, req.query, scope, queueFacts, kpi.settings.read, (kpi.now ?? Date.now)());
    },
  );
}
