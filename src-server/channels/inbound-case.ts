import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { cases, messages, products } from '../db/schema';
import type { Channel } from '../../src-shared/protocol/channels';
import type { CaseSummary, Message } from '../../src-shared/protocol/entities';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import { toMessage } from '../features/cases/cases.repository';
import { toCaseSummary } from '../features/customers/customers.repository';
import type { NewEvent } from '../features/sync/event-log';
import { scheduleEscalation } from '../supervision/escalation-deadlines';
import type { Requester } from './requester';

export type CaseRow = typeof cases.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;

/** Default severity of a case a customer opens themselves (1 critical … 4 low). */
const INBOUND_SEVERITY = 3;

/** A new case for someone who wrote or called in: status new, linked to the customer if known. */
export async function openInboundCase(
  tx: Tx,
  input: {
    id: string;
    requester: Requester;
    requesterName: string;
    requesterAddress: string;
    subject: string;
    queueId: string;
    now: Date;
  },
): Promise<{ row: CaseRow; summary: CaseSummary; event: NewEvent }> {
  const [row] = await tx
    .insert(cases)
    .values({
      id: input.id,
      customerId: input.requester.customerId,
      requesterName: input.requesterName.slice(0, 200),
      requesterAddress: input.requesterAddress.slice(0, 320),
      subject: input.subject.slice(0, 500),
      status: 'new',
      severity: INBOUND_SEVERITY,
      productId: null,
      queueId: input.queueId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!row) throw new Error('case insert returned nothing');
  await scheduleEscalation(tx, row.id, input.now);
  const summary = toCaseSummary({ case: row, product: null });
  return { row, summary, event: caseEvent(summary) };
}

/** A case as its queue, supervisors and admins see it change. */
export function caseEvent(summary: CaseSummary, agentId?: string | null): NewEvent {
  return {
    type: EVENT_TYPES.caseChanged,
    entityKind: 'case',
    entityId: summary.id,
    entityVersion: summary.version,
    payload: summary,
    audience: { queues: [summary.queueId], users: agentId ? [agentId] : [], roles: ['supervisor', 'admin'] },
  };
}

/** A case by its number, as written in a subject (`[#12345]`) or given by an IVR. */
export async function findCaseByNumber(tx: Tx, number: number): Promise<CaseRow | null> {
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) return null;
  const [row] = await tx.select().from(cases).where(eq(cases.number, number)).limit(1);
  return row ?? null;
}

export async function findCaseById(tx: Tx, id: string): Promise<CaseRow | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row ?? null;
}

/** The case's product name, for its summary. */
export async function productNameOf(tx: Tx, row: CaseRow): Promise<string | null> {
  if (!row.productId) return null;
  const [product] = await tx
    .select({ name: products.name })
    .from(products)
    .where(eq(products.id, row.productId));
  return product?.name ?? null;
}

/**
 * A customer's new message on an existing case: the case reopens if it was waiting on them or
 * resolved (a reply is an answer), and its version moves so consoles refresh it.
 */
export async function touchCaseForInbound(
  tx: Tx,
  row: CaseRow,
  now: Date,
): Promise<{ summary: CaseSummary; event: NewEvent }> {
  const status = row.status === 'pending_customer' || row.status === 'resolved' ? 'open' : row.status;
  // A resolved case reopened starts a new unresolved clock for the escalation rules.
  const reopened = row.status === 'resolved' ? { unresolvedSince: now } : {};
  const [updated] = await tx
    .update(cases)
    .set({ status, ...reopened, updatedAt: now, version: row.version + 1 })
    .where(eq(cases.id, row.id))
    .returning();
  if (!updated) throw new Error('case update returned nothing');
  if (status !== row.status) await scheduleEscalation(tx, row.id, now);
  const summary = toCaseSummary({ case: updated, product: await productNameOf(tx, updated) });
  return { summary, event: caseEvent(summary) };
}

/** Stores a message on a case and returns the event that shows it in consoles. */
export async function addMessage(
  tx: Tx,
  values: NewMessageRow & { channel: Channel },
  audience: { queueId: string; agentId?: string | null },
): Promise<{ message: Message; event: NewEvent }> {
  const [row] = await tx.insert(messages).values(values).returning();
  if (!row) throw new Error('message insert returned nothing');
  const message = toMessage(row);
  return { message, event: messageEvent(message, audience) };
}

export function messageEvent(
  message: Message,
  audience: { queueId: string; agentId?: string | null },
): NewEvent {
  return {
    type: EVENT_TYPES.messageAdded,
    entityKind: 'message',
    entityId: message.id,
    entityVersion: 1,
    payload: message,
    audience: {
      queues: [audience.queueId],
      users: audience.agentId ? [audience.agentId] : [],
      roles: ['supervisor', 'admin'],
    },
  };
}
