import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { agentStates, companies, contacts, customers, queues, users } from '../db/schema';
import type { RoutingAgent, RoutingContact, RoutingQueue } from '../../src-shared/domain/routing/types';
import { CustomerTier } from '../../src-shared/protocol/entities';
import { isAgent } from '../features/agents/agents.repository';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { queueOf } from '../features/directory/directory.repository';
import { loadRoutableAgents, type RoutingProfiles } from './routable-agents';

/** Queued contacts one pass looks at, oldest first (priority then orders them). */
const PASS_LIMIT = 2_000;

export interface RoutingState {
  queues: RoutingQueue[];
  agents: RoutingAgent[];
  contacts: RoutingContact[];
  rows: Map<string, ContactRow>;
}

/**
 * Everything a routing pass decides on, read inside its transaction, one statement at a time (a
 * transaction is one connection). Routable agents' state rows are locked first, so nobody leaves
 * routing between this read and the offer; queued contacts another transaction holds (being
 * accepted, transferred) are skipped, not waited for.
 */
export async function loadRoutingState(tx: Tx, profiles: RoutingProfiles): Promise<RoutingState> {
  const agents = await loadRoutableAgents(tx, profiles);
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
    agents,
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

/** A stored contact as routing reads it; the supervisor's forecast reads it the same way. */
export function routingContactOf(row: ContactRow, tier: string | null): RoutingContact {
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
    jumpedAt: row.jumpedAt?.getTime() ?? null,
    declinedAt: row.declinedAt?.getTime() ?? null,
  };
}
