import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { cases } from '../db/schema';
import type { CaseSummary } from '../../src-shared/protocol/entities';
import { caseEvent, productNameOf, type CaseRow } from '../features/cases/case-records';
import { toCaseSummary } from '../features/customers/customers.repository';
import type { NewEvent } from '../features/sync/event-log';
import { scheduleEscalation } from '../supervision/escalation-deadlines';
import type { Requester } from './requester';

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
