import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/database';
import { agentStates, companies, contacts, customers, queues, users } from '../db/schema';
import { Channel } from '../../src-shared/protocol/channels';
import type {
  Holding,
  RoutingAgent,
  RoutingContact,
  RoutingQueue,
} from '../../src-shared/domain/routing/types';
import { AgentState, CustomerTier } from '../../src-shared/protocol/entities';
import { isAgent, skillsOf } from '../features/agents/agents.repository';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { queueOf } from '../features/directory/directory.repository';
import { agentRoutingOf } from './routing-defaults';

/** Queued contacts one pass looks at, oldest first (priority then orders them). */
const PASS_LIMIT = 2_000;

export interface RoutingState {
  queues: RoutingQueue[];
  agents: RoutingAgent[];
  contacts: RoutingContact[];
  rows: Map<string, ContactRow>;
}

const ROUTABLE_STATES = ['available', 'busy'];

/**
 * Everything a routing pass decides on, read inside its transaction, one statement at a time (a
 * transaction is one connection). Routable agents' state rows are locked first, so nobody leaves
 * routing between this read and the offer; queued contacts another transaction holds (being
 * accepted, transferred) are skipped, not waited for.
 */
export async function loadRoutingState(tx: Tx): Promise<RoutingState> {
  const agentRows = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      teamId: users.teamId,
      tier: users.tier,
      languages: users.languages,
      capacity: users.capacity,
      state: agentStates.state,
      idleSince: agentStates.idleSince,
    })
    .from(agentStates)
    .innerJoin(users, eq(users.id, agentStates.userId))
    .where(and(inArray(agentStates.state, ROUTABLE_STATES), isAgent, eq(users.disabled, false)))
    .for('update', { of: agentStates });
  const ids = agentRows.map((a) => a.id);
  const skills = await skillsOf(tx, ids);
  const holdings = await holdingsOf(tx, ids);
  const queueRows = await tx.select().from(queues);
  const queuedRows = await tx
    .select({ contact: contacts, tier: companies.tier })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(contacts.status, 'queued'))
    .orderBy(asc(contacts.queuedAt))
    .limit(PASS_LIMIT)
    .for('update', { of: contacts, skipLocked: true });
  return {
    queues: queueRows.map((row) => queueOf(row)),
    agents: agentRows.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      teamId: a.teamId,
      tier: a.tier,
      languages: a.languages,
      state: AgentState.catch('offline').parse(a.state),
      routing: agentRoutingOf(skills.get(a.id) ?? [], a.capacity),
      idleSince: a.idleSince.getTime(),
      holdings: holdings.get(a.id) ?? [],
    })),
    contacts: queuedRows.map(({ contact, tier }) => routingContactOf(contact, tier)),
    rows: new Map(queuedRows.map(({ contact }) => [contact.id, contact])),
  };
}

/** Agents signed in (not Offline) per team: "nobody logged in" alerts. */
export async function loggedInByTeam(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx
    .select({ teamId: users.teamId, n: sql<number>`count(*)::int` })
    .from(agentStates)
    .innerJoin(users, eq(users.id, agentStates.userId))
    .where(and(ne(agentStates.state, 'offline'), isAgent, eq(users.disabled, false)))
    .groupBy(users.teamId);
  return new Map(rows.flatMap((r) => (r.teamId ? [[r.teamId, Number(r.n)] as const] : [])));
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

/** Per agent, how many contacts they hold or are offered, by channel and status (counted in SQL). */
async function holdingsOf(tx: Tx, agentIds: string[]): Promise<Map<string, Holding[]>> {
  const byAgent = new Map<string, Holding[]>();
  if (agentIds.length === 0) return byAgent;
  const rows = await tx
    .select({
      agentId: contacts.agentId,
      channel: contacts.channel,
      status: contacts.status,
      count: sql<number>`count(*)::int`,
    })
    .from(contacts)
    .where(
      and(inArray(contacts.agentId, agentIds), inArray(contacts.status, ['offered', 'active', 'wrap_up'])),
    )
    .groupBy(contacts.agentId, contacts.channel, contacts.status);
  for (const row of rows) {
    const channel = Channel.safeParse(row.channel);
    const status = HoldingStatus.safeParse(row.status);
    if (!row.agentId || !channel.success || !status.success) continue;
    const list = byAgent.get(row.agentId) ?? [];
    list.push({ channel: channel.data, status: status.data, count: Number(row.count) });
    byAgent.set(row.agentId, list);
  }
  return byAgent;
}

const HoldingStatus = z.enum(['offered', 'active', 'wrap_up']);
