import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { contacts } from '../../db/schema';
import { isOpen, nextOpening } from '../../../src-shared/domain/routing/business-hours';
import { normalizePhone } from '../../../src-shared/domain/phone';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { Contact, IvrInput } from '../../../src-shared/protocol/contacts';
import type { CtiEventResult } from '../../../src-shared/protocol/phone';
import { openContact } from '../../features/contacts/contact-intake';
import type { ContactRow } from '../../features/contacts/contact-row';
import { lockContact } from '../../features/contacts/contacts.repository';
import { findQueue } from '../../features/directory/directory.repository';
import type { CommandSettings } from '../../features/sync/command-bus';
import type { NewEvent } from '../../features/sync/event-log';
import type { IntakeReason } from '../../../src-shared/domain/routing/intake';
import { entryQueue } from '../entry-queue';
import { findCaseById, findCaseByNumber, type CaseRow } from '../../features/cases/case-records';
import { requesterById, requesterByPhone, type Requester } from '../requester';

export type PhoneProvider = 'cti' | 'twilio';

export interface IncomingCall {
  provider: PhoneProvider;
  /** The phone system's id for the call (CTI callId, Twilio CallSid; prefixed for voicemail/callback). */
  externalId: string;
  from: string;
  /** The number dialled (DNIS): intake rules may route by it. */
  to?: string | undefined;
  ivr: IvrInput;
  channel?: Channel;
  subject?: string;
  /** A callback promised for later: the contact is scheduled until then. */
  dueAt?: Date;
}

/** Who is calling and where the call goes, before anything is stored. */
export interface CallPlan {
  from: string;
  requester: Requester;
  caseRow: CaseRow | null;
  language: string | null;
  queueId: string;
  /** Why it enters that queue (the intake rule that matched). */
  intake: IntakeReason[];
  queueOpen: boolean;
  opensAt: Date | null;
}

/**
 * The caller (IVR customer id first, else an unambiguous match of their number), the case they
 * keyed in (by id or number, when it exists), their language (IVR first) and the entry queue
 * with its business hours now.
 */
export async function planCall(
  tx: Tx,
  call: IncomingCall,
  now: Date,
  settings: CommandSettings,
): Promise<CallPlan> {
  const from = normalizePhone(call.from, settings.phoneRegion) ?? call.from.trim();
  const caseRow = call.ivr.caseId ? await caseOf(tx, call.ivr.caseId) : null;
  const requester = await callerOf(tx, call.ivr.customerId, caseRow, from, settings);
  const language = call.ivr.language ?? requester.language;
  const entry = await entryQueue(
    tx,
    { channel: call.channel ?? 'phone', language, caseQueueId: caseRow?.queueId, number: call.to },
    settings,
  );
  const queueId = entry.queueId;
  return {
    from,
    requester,
    caseRow,
    language,
    queueId,
    intake: entry.reasons,
    ...(await queueHours(tx, queueId, now)),
  };
}

/** Whether the queue is open now by its business hours, and if not when it opens next. */
export async function queueHours(
  tx: Tx,
  queueId: string,
  now: Date,
): Promise<{ queueOpen: boolean; opensAt: Date | null }> {
  const hours = (await findQueue(tx, queueId))?.routing.businessHours;
  if (!hours || isOpen(hours, now.getTime())) return { queueOpen: true, opensAt: null };
  const opening = nextOpening(hours, now.getTime());
  return { queueOpen: false, opensAt: opening === null ? null : new Date(opening) };
}

/** The customer keyed into the IVR, else the customer of the case keyed in, else the number's. */
async function callerOf(
  tx: Tx,
  keyedCustomerId: string | undefined,
  caseRow: CaseRow | null,
  from: string,
  settings: CommandSettings,
): Promise<Requester> {
  for (const id of [keyedCustomerId, caseRow?.customerId]) {
    const byId = id ? await requesterById(tx, id) : null;
    if (byId?.customerId) return byId;
  }
  return requesterByPhone(tx, from, settings.phoneRegion);
}

async function caseOf(tx: Tx, given: string): Promise<CaseRow | null> {
  const byId = await findCaseById(tx, given);
  if (byId) return byId;
  return /^\d{1,10}$/.test(given) ? findCaseByNumber(tx, Number(given)) : null;
}

/** A new phone contact for the call, in the entry queue; the routing engine offers it after commit. */
export async function openCall(
  tx: Tx,
  call: IncomingCall,
  plan: CallPlan,
  now: Date,
  settings: CommandSettings,
): Promise<{ contact: Contact; events: NewEvent[] }> {
  return openContact(
    tx,
    {
      id: `con_${call.provider}_${crypto.randomUUID()}`,
      channel: call.channel ?? 'phone',
      queueId: plan.queueId,
      intake: plan.intake,
      from: plan.from.slice(0, 320),
      subject: call.subject ?? '',
      customerId: plan.requester.customerId ?? undefined,
      caseId: plan.caseRow?.id,
      language: plan.language ?? undefined,
      impact: 'medium',
      urgency: 'medium',
      dueAt: call.dueAt,
      provider: call.provider,
      externalId: call.externalId,
      ivr: call.ivr,
    },
    now,
    settings,
  );
}

/** The call's contact, locked for the rest of the transaction. */
export async function lockCall(
  tx: Tx,
  provider: PhoneProvider,
  externalId: string,
): Promise<ContactRow | null> {
  const [found] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.provider, provider), eq(contacts.externalId, externalId)))
    .limit(1);
  return found ? lockContact(tx, found.id) : null;
}

/** The webhook's answer about a call's contact. */
export function callResult(
  row: Pick<ContactRow, 'id' | 'status' | 'queueId'>,
  hours: { queueOpen: boolean; opensAt: Date | null },
): CtiEventResult {
  return {
    contactId: row.id,
    status: row.status,
    queueId: row.queueId,
    queueOpen: hours.queueOpen,
    opensAt: hours.opensAt?.toISOString() ?? null,
  };
}
