import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { contacts } from '../db/schema';
import { listAgents } from '../features/agents/agents.repository';
import { listQueues } from '../features/directory/directory.repository';
import { Channel } from '../../src-shared/protocol/channels';
import type { Floor, FloorContact, FloorWork } from '../../src-shared/domain/supervision/floor';

const HELD = ['offered', 'active', 'wrap_up'] as const;
type Held = (typeof HELD)[number];
const isHeld = (status: string): status is Held => (HELD as readonly string[]).includes(status);

/**
 * The floor as the alert rules read it, from the rows (the console builds the same shape from its
 * cache, board-floor.ts): queues, agents who count (agent role, not disabled) with the work they
 * hold, and the contacts waiting.
 */
export async function loadAlertFloor(tx: Tx, now: Date): Promise<Floor> {
  const rows = await tx
    .select({
      id: contacts.id,
      queueId: contacts.queueId,
      channel: contacts.channel,
      status: contacts.status,
      agentId: contacts.agentId,
      queuedAt: contacts.queuedAt,
      answeredAt: contacts.answeredAt,
      endedAt: contacts.endedAt,
    })
    .from(contacts)
    .where(inArray(contacts.status, ['queued', ...HELD]));
  const waiting: FloorContact[] = [];
  const work = new Map<string, FloorWork[]>();
  for (const row of rows) {
    const channel = Channel.catch('phone').parse(row.channel);
    if (row.status === 'queued') {
      waiting.push({ id: row.id, queueId: row.queueId, channel, queuedAt: row.queuedAt.getTime() });
      continue;
    }
    if (!row.agentId || !isHeld(row.status)) continue;
    const since = (row.answeredAt ?? row.queuedAt).getTime();
    const statusSince = row.status === 'wrap_up' && row.endedAt ? row.endedAt.getTime() : since;
    const list = work.get(row.agentId) ?? [];
    list.push({ contactId: row.id, queueId: row.queueId, channel, status: row.status, since, statusSince });
    work.set(row.agentId, list);
  }
  const agents = (await listAgents(tx, null)).filter((a) => a.roles.includes('agent') && !a.disabled);
  return {
    now: now.getTime(),
    queues: (await listQueues(tx)).map((q) => ({
      id: q.id,
      teamId: q.teamId,
      channels: q.channels,
      routing: q.routing,
    })),
    agents: agents.map((a) => ({
      id: a.id,
      teamId: a.teamId,
      state: a.state,
      reasonCode: a.reasonCode,
      stateSince: Date.parse(a.stateSince),
      missedOffers: a.missedOffers,
      work: work.get(a.id) ?? [],
    })),
    waiting,
  };
}
