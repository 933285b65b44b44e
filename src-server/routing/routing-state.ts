import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/database';
import { agentStates, companies, contacts, customers, queues } from '../db/schema';
import { Channel } from '../../src-shared/protocol/channels';
import type {
  Holding,
  RoutingAgent,
  RoutingContact,
  RoutingQueue,
} from '../../src-shared/domain/routing/types';
import { CustomerTier } from '../../src-shared/protocol/entities';
import { listAgents } from '../features/agents/agents.repository';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { queueOf } from '../features/directory/directory.repository';

/** Queued contacts one pass looks at, oldest first (priority then orders them). */
const PASS_LIMIT = 2_000;

export interface RoutingState {
  queues: RoutingQueue[];
  agents: RoutingAgent[];
  contacts: RoutingContact[];
  rows: Map<string, ContactRow>;
  /** Agents not Offline per team: "nobody logged in" alerts. */
  loggedInByTeam: Map<string, number>;
}

/**
 * Everything a routing pass decides on, read inside its transaction. Routable agents' state rows
 * are locked, so nobody leaves routing between this read and the offer; queued contacts another
 * transaction holds (being accepted, transferred) are skipped, not waited for.
 */
export async function loadRoutingState(tx: Tx): Promise<RoutingState> {
  await tx
    .select({ id: agentStates.userId })
    .from(agentStates)
    .where(inArray(agentStates.state, ['available', 'busy']))
    .for('update');
  // One after another: a transaction is one connection, which runs one statement at a time.
  const queueRows = await tx.select().from(queues);
  const agents = await listAgents(tx, null);
  const queuedRows = await tx
    .select({ contact: contacts, tier: companies.tier })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(contacts.status, 'queued'))
    .orderBy(asc(contacts.queuedAt))
    .limit(PASS_LIMIT)
    .for('update', { of: contacts, skipLocked: true });
  const routable = agents.filter((a) => !a.disabled && (a.state === 'available' || a.state === 'busy'));
  const holdings = await holdingsOf(
    tx,
    routable.map((a) => a.id),
  );
  const loggedInByTeam = new Map<string, number>();
  for (const agent of agents) {
    if (agent.disabled || agent.state === 'offline' || !agent.teamId) continue;
    loggedInByTeam.set(agent.teamId, (loggedInByTeam.get(agent.teamId) ?? 0) + 1);
  }
  return {
    queues: queueRows.map((row) => queueOf(row)),
    agents: routable.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      teamId: a.teamId,
      tier: a.tier,
      languages: a.languages,
      state: a.state,
      routing: a.routing,
      idleSince: Date.parse(a.idleSince),
      holdings: holdings.get(a.id) ?? [],
    })),
    contacts: queuedRows.map(({ contact, tier }) => routingContactOf(contact, tier)),
    rows: new Map(queuedRows.map(({ contact }) => [contact.id, contact])),
    loggedInByTeam,
  };
}

function routingContactOf(row: ContactRow, tier: string | null): RoutingContact {
  const contact = contactOf(row);
  const customerTier = CustomerTier.safeParse(tier);
  return {
    id: contact.id,
    channel: contact.channel,
    queueId: contact.queueId,
    language: contact.language,
    impact: contact.impact,
    urgency: contact.urgency,
    customerTier: customerTier.success ? customerTier.data : null,
    queuedAt: Date.parse(contact.queuedAt),
    declinedBy: contact.declinedBy,
  };
}

async function holdingsOf(tx: Tx, agentIds: string[]): Promise<Map<string, Holding[]>> {
  const byAgent = new Map<string, Holding[]>();
  if (agentIds.length === 0) return byAgent;
  const rows = await tx
    .select({
      id: contacts.id,
      agentId: contacts.agentId,
      channel: contacts.channel,
      status: contacts.status,
    })
    .from(contacts)
    .where(
      and(inArray(contacts.agentId, agentIds), inArray(contacts.status, ['offered', 'active', 'wrap_up'])),
    );
  for (const row of rows) {
    const channel = Channel.safeParse(row.channel);
    const status = HoldingStatus.safeParse(row.status);
    if (!row.agentId || !channel.success || !status.success) continue;
    const list = byAgent.get(row.agentId) ?? [];
    list.push({ contactId: row.id, channel: channel.data, status: status.data });
    byAgent.set(row.agentId, list);
  }
  return byAgent;
}

const HoldingStatus = z.enum(['offered', 'active', 'wrap_up']);
