import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { companies, contacts, customers } from '../db/schema';
import { AppError } from '../platform/errors';
import { checkReassignment, type ReassignCheck } from '../../src-shared/domain/supervision/reassign-check';
import type {
  Holding,
  RoutingAgent,
  RoutingContact,
  RoutingQueue,
} from '../../src-shared/domain/routing/types';
import { Channel } from '../../src-shared/protocol/channels';
import { CustomerTier, type Agent, type Queue } from '../../src-shared/protocol/entities';
import type { ReassignRefusal } from '../../src-shared/protocol/supervisor-entities';
import type { ContactRow } from '../features/contacts/contact-row';
import { contactOf } from '../features/contacts/contact-row';

const HELD = ['offered', 'active', 'wrap_up'] as const;

/** What the agent holds or is offered, per channel and status, as routing counts it. */
async function holdingsOf(tx: Tx, agentId: string, except: string): Promise<Holding[]> {
  const rows = await tx
    .select({ channel: contacts.channel, status: contacts.status, n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(
      and(
        eq(contacts.agentId, agentId),
        inArray(contacts.status, [...HELD]),
        sql`${contacts.id} <> ${except}`,
      ),
    )
    .groupBy(contacts.channel, contacts.status);
  return rows.flatMap((r) => {
    const channel = Channel.safeParse(r.channel);
    const status = HELD.find((s) => s === r.status);
    return channel.success && status ? [{ channel: channel.data, status, count: Number(r.n) }] : [];
  });
}

async function customerTierOf(tx: Tx, customerId: string | null): Promise<RoutingContact['customerTier']> {
  if (!customerId) return null;
  const [row] = await tx
    .select({ tier: companies.tier })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.id, customerId));
  const tier = CustomerTier.safeParse(row?.tier);
  return tier.success ? tier.data : null;
}

const routingQueueOf = (q: Queue): RoutingQueue => ({
  id: q.id,
  teamId: q.teamId,
  language: q.language,
  tier: q.tier,
  channels: q.channels,
  routing: q.routing,
});

/**
 * Judges the agent (state row locked by the caller) for the contact as it would be in the target
 * queue, with routing's own `assessAgent`; refuses with 422 naming each reason when it may not
 * go there (or only with `force`).
 */
export async function judgeTarget(
  tx: Tx,
  agent: Agent,
  row: ContactRow,
  queue: Queue,
  options: { now: Date; force: boolean },
): Promise<ReassignCheck> {
  const contact = contactOf(row);
  const routingAgent: RoutingAgent = {
    id: agent.id,
    displayName: agent.displayName,
    teamId: agent.teamId,
    tier: agent.tier,
    languages: agent.languages,
    state: agent.state,
    routing: agent.routing,
    idleSince: Date.parse(agent.idleSince),
    holdings: await holdingsOf(tx, agent.id, row.id),
  };
  const routingContact: RoutingContact = {
    id: contact.id,
    channel: contact.channel,
    queueId: queue.id,
    language: contact.language,
    impact: contact.impact,
    urgency: contact.urgency,
    customerTier: await customerTierOf(tx, row.customerId),
    queuedAt: Date.parse(contact.queuedAt),
    declinedBy: contact.declinedBy,
  };
  const check = checkReassignment(routingAgent, routingContact, routingQueueOf(queue), {
    now: options.now.getTime(),
    force: options.force,
  });
  if (!check.isAllowed) {
    const details: ReassignRefusal = {
      reasons: [...check.blockers, ...check.overridable],
      overridable: check.blockers.length === 0,
    };
    const hint = details.overridable ? ' (force: true overrides this)' : '';
    throw new AppError(
      'unprocessable',
      `${agent.displayName} cannot take this contact: ${details.reasons.join(', ')}${hint}`,
      details,
    );
  }
  return check;
}
