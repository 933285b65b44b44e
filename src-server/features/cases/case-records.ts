import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { cases, messages, products } from '../../db/schema';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { CaseSummary, Message } from '../../../src-shared/protocol/entities';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { toMessage } from './cases.repository';
import type { NewEvent } from '../sync/event-log';

export type CaseRow = typeof cases.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;

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
