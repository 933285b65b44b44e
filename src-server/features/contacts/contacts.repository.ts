import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { contacts, routingDecisions } from '../../db/schema';
import {
  OPEN_CONTACT_STATUSES,
  RoutingCandidate,
  RoutingReason,
  type Contact,
  type ContactDetail,
  type ContactListQuery,
  type RoutingDecision,
} from '../../../src-shared/protocol/contacts';
import { z } from 'zod';
import type { AgentWork } from '../../../src-shared/protocol/http';
import { seesEverything, type Actor } from '../auth/actor';
import { handledByCoachedAgent } from '../access/coached-contacts';
import { rowMapper, runRaw } from '../../db/raw-sql';
import { contactOf, type ContactRow } from './contact-row';

type NewContactRow = typeof contacts.$inferInsert;
export type ContactChanges = Partial<Omit<NewContactRow, 'id' | 'version'>>;

/**
 * The contacts an actor may see: supervisors and admins all; others their queues' and their own;
 * a coach also those handled by agents of the teams they coach, wherever the queue (a Development
 * agent's tier-3 calls are not in a tier-2 coach's queues, yet the coach reviews them).
 */
function visibleTo(actor: Actor): SQL | undefined {
  if (seesEverything(actor)) return undefined;
  const seen: SQL[] = [eq(contacts.agentId, actor.id)];
  if (actor.queueIds.length > 0) seen.push(inArray(contacts.queueId, actor.queueIds));
  const coached = handledByCoachedAgent(actor);
  if (coached) seen.push(coached);
  return or(...seen);
}

export async function listContacts(db: Db, actor: Actor, query: ContactListQuery): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(
        visibleTo(actor),
        query.status ? eq(contacts.status, query.status) : undefined,
        query.channel ? eq(contacts.channel, query.channel) : undefined,
        query.queue ? eq(contacts.queueId, query.queue) : undefined,
        query.agent ? eq(contacts.agentId, query.agent) : undefined,
      ),
    )
    .orderBy(desc(contacts.createdAt))
    .limit(query.limit);
  return rows.map(contactOf);
}

/** Open contacts (not closed or abandoned) an actor may see: the console's snapshot. */
export async function listOpenContacts(db: Db, actor: Actor): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(visibleTo(actor), inArray(contacts.status, [...OPEN_CONTACT_STATUSES])));
  return rows.map(contactOf);
}

const StoredCandidates = z.array(RoutingCandidate).catch([]);

export async function findContactDetail(db: Db, actor: Actor, id: string): Promise<ContactDetail | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, id), visibleTo(actor)))
    .limit(1);
  if (!row) return null;
  const decisions = await db
    .select()
    .from(routingDecisions)
    .where(eq(routingDecisions.contactId, id))
    .orderBy(desc(routingDecisions.at))
    .limit(50);
  return { ...contactOf(row), decisions: decisions.map(decisionOf) };
}

function decisionOf(row: typeof routingDecisions.$inferSelect): RoutingDecision {
  return {
    id: row.id,
    contactId: row.contactId,
    at: row.at.toISOString(),
    outcome: z
      .enum(['entered', 'offered', 'waiting', 'overflowed', 'rerouted', 'alerted'])
      .catch('waiting')
      .parse(row.outcome),
    agentId: row.agentId,
    reasons: z.array(RoutingReason.or(z.string())).parse(row.reasons).filter(isReason),
    priority: row.priority,
    candidates: StoredCandidates.parse(row.candidates),
  };
}

const isReason = (r: string): r is RoutingReason => RoutingReason.safeParse(r).success;

/** Locks a contact row for the rest of the transaction. */
export async function lockContact(tx: Tx, id: string): Promise<ContactRow | null> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id)).for('update').limit(1);
  return row ?? null;
}

/** Changes a locked contact, bumping its version; returns the new row. */
export async function changeContact(
  tx: Tx,
  current: ContactRow,
  changes: ContactChanges,
): Promise<ContactRow> {
  const [row] = await tx
    .update(contacts)
    .set({ ...changes, version: current.version + 1 })
    .where(eq(contacts.id, current.id))
    .returning();
  if (!row) throw new Error(`contact ${current.id} vanished inside its transaction`);
  return row;
}

/** One contact of a routing pass's offers. */
export interface OfferWrite {
  id: string;
  agentId: string;
  offerExpiresAt: Date;
  priority: number;
  overflowLevel: number;
  reasons: string[];
}

/**
 * Offers several queued contacts at once, in one statement (a busy pass offers hundreds), each
 * to its agent, with its deadline, priority and reasons. The caller holds the rows locked, so the
 * new rows are computed here rather than read back (a pass would otherwise parse every column of
 * every offered contact again); an offer whose row did not change is left out.
 */
/** A pass's offers in one statement (hand-written: one per pass, over up to thousands of rows). */
const OFFER_CONTACTS = {
  name: 'offer_contacts',
  text: `update contacts set status = 'offered', agent_id = v."agentId",
      offer_expires_at = v."offerExpiresAt", priority = v."priority",
      overflow_level = v."overflowLevel", reasons = v."reasons", version = contacts.version + 1
    from jsonb_to_recordset($1::jsonb) as v("id" text, "agentId" text,
      "offerExpiresAt" timestamptz, "priority" double precision, "overflowLevel" integer,
      "reasons" text[])
    where contacts.id = v."id"
    returning contacts.id`,
};

export async function offerContacts(
  tx: Tx,
  offers: { row: ContactRow; offer: OfferWrite }[],
): Promise<ContactRow[]> {
  if (offers.length === 0) return [];
  const changed = (await runRaw(tx, OFFER_CONTACTS, [JSON.stringify(offers.map((o) => o.offer))])) as {
    id: string;
  }[];
  const changedIds = new Set(changed.map((c) => c.id));
  return offers.flatMap(({ row, offer }) =>
    changedIds.has(row.id)
      ? [
          {
            ...row,
            status: 'offered',
            agentId: offer.agentId,
            offerExpiresAt: offer.offerExpiresAt,
            priority: offer.priority,
            overflowLevel: offer.overflowLevel,
            reasons: offer.reasons,
            version: row.version + 1,
          },
        ]
      : [],
  );
}

/** Inserts a new contact; null when one with its id exists already. */
/** What intake sets on a new contact; everything else starts at its column default. */
export type NewContact = Pick<
  NewContactRow,
  | 'id'
  | 'channel'
  | 'status'
  | 'queueId'
  | 'customerId'
  | 'caseId'
  | 'from'
  | 'subject'
  | 'impact'
  | 'urgency'
  | 'createdAt'
  | 'queuedAt'
  | 'dueAt'
  | 'provider'
  | 'externalId'
  | 'ivr'
  | 'reasons'
  | 'intakeReasons'
> & {
  /** The contact's language; the queue's when null. */
  language: string | null;
};

/**
 * Intake's statement (hand-written: it runs for every contact): the row is written only into a
 * queue that exists and takes the contact's channel, and takes the queue's language when it has
 * none of its own, so intake needs no separate look at the queue.
 */
const INSERT_CONTACT = {
  name: 'insert_contact',
  text: `insert into contacts (id, channel, status, queue_id, customer_id, case_id, from_address,
      subject, language, impact, urgency, created_at, queued_at, due_at, provider, external_id,
      ivr, reasons, intake_reasons)
    select $1, $2, $3, q.id, $5, $6, $7, $8, coalesce($9, q.language), $10, $11,
      $12::timestamptz, $13::timestamptz, $14::timestamptz, $15, $16, $17::jsonb, $18::text[], $19::text[]
    from queues q where q.id = $4 and $2 = any(q.channels)
    on conflict (id) do nothing
    returning *`,
};
const contactRowOf = rowMapper(contacts);
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * A new contact, or null when none was written: its id exists already, or its queue does not
 * exist or take its channel (the caller tells which).
 */
export async function insertContact(tx: Tx, c: NewContact): Promise<ContactRow | null> {
  const [row] = await runRaw(tx, INSERT_CONTACT, [
    c.id,
    c.channel,
    c.status,
    c.queueId,
    c.customerId ?? null,
    c.caseId ?? null,
    c.from ?? '',
    c.subject ?? '',
    c.language,
    c.impact ?? 'medium',
    c.urgency ?? 'medium',
    isoOrNull(c.createdAt),
    isoOrNull(c.queuedAt),
    isoOrNull(c.dueAt),
    c.provider ?? null,
    c.externalId ?? null,
    JSON.stringify(c.ivr ?? {}),
    c.reasons ?? [],
    c.intakeReasons ?? [],
  ]);
  return row === undefined ? null : contactRowOf(row);
}

/** Open work an agent holds or is offered, as rows (for capacity and state decisions). */
export async function workOf(tx: Tx, agentId: string): Promise<ContactRow[]> {
  return tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.agentId, agentId), inArray(contacts.status, ['offered', 'active', 'wrap_up'])));
}

/** Per agent, the contacts they are offered, handling or wrapping up. */
export async function openWorkByAgent(db: Db, agentIds: string[]): Promise<Map<string, AgentWork[]>> {
  const byAgent = new Map<string, AgentWork[]>();
  if (agentIds.length === 0) return byAgent;
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(inArray(contacts.agentId, agentIds), inArray(contacts.status, ['offered', 'active', 'wrap_up'])),
    );
  for (const contact of rows.map(contactOf)) {
    if (!contact.agentId) continue;
    const work = { contactId: contact.id, channel: contact.channel, status: contact.status };
    byAgent.set(contact.agentId, [...(byAgent.get(contact.agentId) ?? []), work]);
  }
  return byAgent;
}
