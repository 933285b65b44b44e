import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database';
import { companies, contacts, customers } from '../db/schema';
import { listAgents } from '../features/agents/agents.repository';
import { listQueues } from '../features/directory/directory.repository';
import { routingContactOf } from '../routing/routing-state';
import {
  DEFAULT_HANDLE_SECONDS,
  type HeldContact,
  type QueueState,
} from '../../src-shared/domain/supervision/queue-state';

const HELD = ['offered', 'active', 'wrap_up'] as const;

/**
 * The floor as the forecasts read it (docs/SUPERVISION.md): every queue, every enabled agent with
 * the contacts they hold, and the contacts waiting. Handle times are the documented defaults
 * until history-based ones exist.
 */
export async function loadFloorState(db: Db, now: Date): Promise<QueueState> {
  const rows = await db
    .select({ contact: contacts, tier: companies.tier })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(inArray(contacts.status, ['queued', ...HELD]));
  const work = new Map<string, HeldContact[]>();
  for (const { contact, tier } of rows) {
    const status = HELD.find((s) => s === contact.status);
    if (!status || !contact.agentId) continue;
    const held: HeldContact = {
      contact: routingContactOf(contact, tier),
      status,
      since: (contact.answeredAt ?? contact.queuedAt).getTime(),
      endsBy: contact.wrapUpDueAt?.getTime() ?? null,
    };
    work.set(contact.agentId, [...(work.get(contact.agentId) ?? []), held]);
  }
  const agents = (await listAgents(db, null)).filter((a) => !a.disabled);
  return {
    now: now.getTime(),
    queues: (await listQueues(db)).map((q) => ({
      id: q.id,
      teamId: q.teamId,
      language: q.language,
      tier: q.tier,
      channels: q.channels,
      routing: q.routing,
    })),
    agents: agents.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      teamId: a.teamId,
      tier: a.tier,
      languages: a.languages,
      state: a.state,
      routing: a.routing,
      idleSince: Date.parse(a.idleSince),
      work: work.get(a.id) ?? [],
    })),
    contacts: rows
      .filter(({ contact }) => contact.status === 'queued')
      .map(({ contact, tier }) => routingContactOf(contact, tier)),
    handleTimes: { byQueue: {}, defaults: DEFAULT_HANDLE_SECONDS },
  };
}
