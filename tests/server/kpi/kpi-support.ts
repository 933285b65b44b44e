import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../src-server/db/database';
import { queues } from '../../../src-server/db/schema';
import { queueRoutingOf } from '../../../src-server/db/stored-routing';
import { KpiReportResponse } from '../../../src-shared/protocol/kpi-report';

/** GET /api/v1/reports/kpis with a query; the body parsed when 200. */
export async function getKpis(
  baseUrl: string,
  token: string,
  query: Record<string, string>,
): Promise<{ status: number; body: unknown; report: KpiReportResponse | null }> {
  const res = await fetch(`${baseUrl}/api/v1/reports/kpis?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body: unknown = await res.json();
  return { status: res.status, body, report: res.status === 200 ? KpiReportResponse.parse(body) : null };
}

/** Sets a queue's time zone and phone target, as an admin would in the queue editor. */
export async function setQueueZoneAndTarget(db: Db, queueId: string, timeZone: string, phoneSeconds: number) {
  const [row] = await db.select({ routing: queues.routing }).from(queues).where(eq(queues.id, queueId));
  const routing = queueRoutingOf(row?.routing);
  await db
    .update(queues)
    .set({
      routing: {
        ...routing,
        businessHours: { ...routing.businessHours, timeZone },
        serviceLevels: { ...routing.serviceLevels, phone: { seconds: phoneSeconds, percent: 80 } },
      },
    })
    .where(eq(queues.id, queueId));
}

/** Every stored interval and day row, in a stable order (for comparing live figures with a rebuild). */
export async function allProjectionRows(db: Db): Promise<{ intervals: unknown[]; days: unknown[] }> {
  const rowsOf = async (table: string, period: string) => {
    const order = `${period}, queue_id, channel, agent_id, team_id`;
    const result = await db.execute(sql.raw(`select * from ${table} order by ${order}`));
    return (result as unknown as { rows: unknown[] }).rows;
  };
  return {
    intervals: await rowsOf('kpi_intervals', 'interval_start'),
    days: await rowsOf('kpi_days', 'day'),
  };
}

/**
 * A queue set up for a scripted day: its zone, its targets per channel, and offers, wrap-ups and
 * overflow that never run out on their own (the test moves the clock in jumps of minutes).
 */
export async function setQueueForScenario(
  db: Db,
  queueId: string,
  timeZone: string,
  targets: Partial<Record<'phone' | 'email', number>>,
) {
  const [row] = await db.select({ routing: queues.routing }).from(queues).where(eq(queues.id, queueId));
  const routing = queueRoutingOf(row?.routing);
  const serviceLevels = { ...routing.serviceLevels };
  for (const [channel, seconds] of Object.entries(targets))
    serviceLevels[channel as 'phone' | 'email'] = { seconds, percent: 80 };
  await db
    .update(queues)
    .set({
      routing: {
        ...routing,
        businessHours: { ...routing.businessHours, timeZone },
        serviceLevels,
        offerTimeouts: { ...routing.offerTimeouts, phone: 600, email: 3600 },
        wrapUpMaxSeconds: 3600,
        overflowAfterSeconds: 86_400,
      },
    })
    .where(eq(queues.id, queueId));
}
