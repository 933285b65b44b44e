import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { loadQueueFacts } from '../features/kpi/kpi-context';
import { readKpiLines, teamZones, type KpiLine, type KpiReadSettings } from '../features/kpi/kpi-report';
import { listAgents } from '../features/agents/agents.repository';
import { kpiMeasures } from '../../src-shared/domain/kpi/measures';
import { withCurrentStretch } from '../../src-shared/domain/kpi/current-stretch';
import { localDate, parseDate, startOfLocalDay } from '../../src-shared/domain/kpi/zoned-time';
import { expectedWaitsForNext, type NextContact } from '../../src-shared/domain/supervision/next-wait';
import type { AgentToday, BoardToday, QueueToday } from '../../src-shared/protocol/board-today';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import { loadFloorState } from './floor-state';

export interface BoardTodayDeps {
  db: Db;
  kpi: KpiReadSettings;
  /** Folds the event log's tail into the KPI rows first, as the report does. */
  catchUp: () => Promise<unknown>;
  /** Consoles connected now per user (every node's sockets). */
  devicesOf: () => Promise<Map<string, number>>;
}

const DAY_MS = 86_400_000;

/**
 * The board's figures for today, each from the code that owns it: the KPI report for the local
 * day (so "service level today" on the board is the report's number for today), the routing
 * forecast for the next contact's wait, the event log for offers missed today.
 */
export async function readBoardToday(deps: BoardTodayDeps, now: number): Promise<BoardToday> {
  await deps.catchUp();
  const facts = await loadQueueFacts(deps.db);
  const range = { from: localDate(now - DAY_MS, 'UTC'), to: localDate(now + DAY_MS, 'UTC') };
  const report = (groupBy: 'queue' | 'agent') =>
    readKpiLines(deps.db, { ...range, interval: 'day', groupBy: [groupBy] }, {}, facts, deps.kpi);
  const [byQueue, byAgent, floor, agents, devices] = await Promise.all([
    report('queue'),
    report('agent'),
    loadFloorState(deps.db, new Date(now)),
    listAgents(deps.db, null),
    deps.devicesOf(),
  ]);
  const zoneOfTeam = new Map(teamZones(facts).map((t) => [t.id, t.zone]));
  const missed = await missedOffersSince(deps.db, now - 2 * DAY_MS);

  const probes: NextContact[] = floor.queues.flatMap((q) =>
    q.channels.map((channel) => ({ queueId: q.id, channel })),
  );
  const waits = expectedWaitsForNext(floor, probes);
  const queues = floor.queues.map((queue): QueueToday => {
    const zone = facts.get(queue.id)?.timeZone ?? 'UTC';
    const day = localDate(now, zone);
    const measures = rowOf(byQueue, day, (r) => r.queueId === queue.id)?.measures;
    const target = queue.channels.map((c) => queue.routing.serviceLevels[c]).find(Boolean);
    const expectedWaitS: QueueToday['expectedWaitS'] = {};
    probes.forEach((p, i) => {
      if (p.queueId === queue.id) expectedWaitS[p.channel] = waits[i] ?? null;
    });
    return {
      queueId: queue.id,
      day,
      serviceLevelPercent: measures?.serviceLevelPercent.value ?? null,
      targetPercent: target?.percent ?? null,
      abandoned: measures?.abandoned.value ?? 0,
      expectedWaitS,
    };
  });
  const agentLines = agents
    .filter((a) => !a.disabled)
    .map((agent): AgentToday => {
      const zone = (agent.teamId && zoneOfTeam.get(agent.teamId)) || 'UTC';
      const day = localDate(now, zone);
      const folded = rowOf(byAgent, day, (r) => r.agentId === agent.id)?.counts;
      const counts = withCurrentStretch(folded, agent, startOfLocalDay(parseDate(day), zone), now);
      return {
        agentId: agent.id,
        occupancyPercent: kpiMeasures(counts, deps.kpi.measures).occupancyPercent.value,
        missedOffersToday: (missed.get(agent.id) ?? []).filter((at) => localDate(at, zone) === day).length,
        devices: devices.get(agent.id) ?? 0,
      };
    });
  return { at: new Date(now).toISOString(), queues, agents: agentLines };
}

function rowOf(rows: KpiLine[], day: string, isFor: (row: KpiLine) => boolean): KpiLine | undefined {
  return rows.find((row) => row.period === day && isFor(row));
}

/**
 * When each agent missed an offer (declined or let it time out) since `from`: the agent's state
 * events where the missed-in-a-row count went up. The first event of the window counts when it
 * carries a miss, as there is nothing before it to compare.
 */
async function missedOffersSince(db: Db, from: number): Promise<Map<string, number[]>> {
  const result = await db.execute(sql`
    select entity_id, at from (
      select entity_id, at, (payload ->> 'missedOffers')::int as missed,
        lag((payload ->> 'missedOffers')::int) over (partition by entity_id order by sync_id) as before
      from events
      where type = ${EVENT_TYPES.agentStateChanged} and at >= ${new Date(from).toISOString()}::timestamptz
    ) changes
    where missed > coalesce(before, 0)`);
  const rows = (result as unknown as { rows: { entity_id: string; at: Date | string }[] }).rows;
  const byAgent = new Map<string, number[]>();
  for (const row of rows) {
    byAgent.set(row.entity_id, [...(byAgent.get(row.entity_id) ?? []), new Date(row.at).getTime()]);
  }
  return byAgent;
}
