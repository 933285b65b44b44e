import type { Db, Tx } from '../../db/database';
import { queues, users } from '../../db/schema';
import { queueRoutingOf } from '../../db/stored-routing';
import type { KpiKey } from '../../../src-shared/domain/kpi/aggregate';
import type { ContactContext } from '../../../src-shared/domain/kpi/contact-life';
import { DEFAULT_SLA_SECONDS } from '../../../src-shared/domain/routing/priority';

/** What reads need of each queue: its zone (its business hours') and its team. */
export interface QueueFacts {
  id: string;
  teamId: string;
  timeZone: string;
  targets: ReturnType<typeof queueRoutingOf>['serviceLevels'];
}

export async function loadQueueFacts(db: Db | Tx): Promise<Map<string, QueueFacts>> {
  const rows = await db
    .select({ id: queues.id, teamId: queues.teamId, routing: queues.routing })
    .from(queues);
  return new Map(
    rows.map((row) => {
      const routing = queueRoutingOf(row.routing);
      const facts = {
        id: row.id,
        teamId: row.teamId,
        timeZone: routing.businessHours.timeZone,
        targets: routing.serviceLevels,
      };
      return [row.id, facts];
    }),
  );
}

/** Rows without a queue (agent presence) are dated in their team's zone: its first queue's. */
export function teamZones(queueFacts: Map<string, QueueFacts>): { id: string; zone: string }[] {
  const zones = new Map<string, string>();
  for (const queue of [...queueFacts.values()].sort((a, b) => a.id.localeCompare(b.id)))
    if (!zones.has(queue.teamId)) zones.set(queue.teamId, queue.timeZone);
  return [...zones].map(([id, zone]) => ({ id, zone }));
}

/**
 * The zone whose local day a row belongs to: its queue's, else its team's, else UTC — the same
 * order as the report's 15-minute reads (`coalesce(qz.zone, tz.zone, 'UTC')`).
 */
export function rowZones(queueFacts: Map<string, QueueFacts>): (key: KpiKey) => string {
  const ofTeam = new Map(teamZones(queueFacts).map((t) => [t.id, t.zone]));
  return (key) =>
    (key.queueId === null ? undefined : queueFacts.get(key.queueId)?.timeZone) ??
    (key.teamId === null ? undefined : ofTeam.get(key.teamId)) ??
    'UTC';
}

/**
 * The fold's context from the tables, read once per batch: queue targets (routing's channel default
 * where the queue sets none), agents' teams, and a callback's promise — from its due time for
 * `callbackWindowMinutes` (the contact carries only the due time until scheduled windows exist).
 */
export async function loadContactContext(
  tx: Tx,
  callbackWindowMinutes: number,
  queueFacts: Map<string, QueueFacts>,
): Promise<ContactContext> {
  const teams = new Map(
    (await tx.select({ id: users.id, teamId: users.teamId }).from(users)).map((u) => [u.id, u.teamId]),
  );
  return {
    targetSeconds: (queueId, channel) =>
      queueFacts.get(queueId)?.targets[channel]?.seconds ?? DEFAULT_SLA_SECONDS[channel],
    teamOf: (agentId) => teams.get(agentId) ?? null,
    callbackWindow: (contact) => {
      if (!contact.dueAt) return null;
      const from = Date.parse(contact.dueAt);
      return { from, to: from + callbackWindowMinutes * 60_000 };
    },
  };
}
