import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { companies, customers } from '../../db/schema';
import { recordDecision } from './contact-decisions';
import type { IntakeReason } from '../../../src-shared/domain/routing/intake';
import { AppError } from '../../platform/errors';
import type { Channel } from '../../../src-shared/protocol/channels';
import type {
  Contact,
  ContactProvider,
  IvrInput,
  Level,
  RoutingReason,
} from '../../../src-shared/protocol/contacts';
import { setTimer } from './contact-timers';
import { findQueue } from '../directory/directory.repository';
import type { CommandSettings } from '../sync/command-bus';
import type { NewEvent } from '../sync/event-log';
import { contactEvent } from './contact-events';
import { contactOf } from './contact-row';
import { insertContact } from './contacts.repository';

export interface ContactIntake {
  id: string;
  channel: Channel;
  queueId: string;
  /** Why a channel chose `queueId` (intake rule), recorded as its first routing decision; absent when a person named the queue. */
  intake?: IntakeReason[] | undefined;
  from: string;
  subject: string;
  customerId?: string | undefined;
  caseId?: string | undefined;
  impact: Level;
  urgency: Level;
  language?: string | undefined;
  /** A callback's promised time: before it, the contact is scheduled, not queued. */
  dueAt?: Date | undefined;
  /** The inbound adapter and the channel's own id for it (unique per adapter). */
  provider?: ContactProvider | undefined;
  externalId?: string | undefined;
  ivr?: IvrInput | undefined;
}

/**
 * A new contact, from any channel, in the caller's transaction. Rules from real support centers
 * apply here: a customer whose maintenance contract has expired goes to the renewals queue
 * (Inside Sales) with the reason on the contact. The routing engine offers it after commit.
 */
export async function openContact(
  tx: Tx,
  input: ContactIntake,
  now: Date,
  settings: CommandSettings,
): Promise<{ contact: Contact; events: NewEvent[] }> {
  const customer = input.customerId ? await customerWithCompany(tx, input.customerId) : null;
  if (input.customerId && !customer) throw new AppError('not_found', `No customer ${input.customerId}`);

  let queueId = input.queueId;
  const reasons: RoutingReason[] = [];
  if (customer && customer.contractExpiresAt.getTime() < now.getTime()) {
    await mustTake(tx, input.queueId, input.channel);
    const renewals = await findQueue(tx, settings.expiredContractQueueId);
    if (renewals && renewals.channels.includes(input.channel) && renewals.id !== input.queueId) {
      queueId = renewals.id;
      reasons.push('contract_expired_inside_sales');
    }
  }
  const scheduled = input.dueAt !== undefined && input.dueAt.getTime() > now.getTime();
  const row = await insertContact(tx, {
    id: input.id,
    channel: input.channel,
    status: scheduled ? 'scheduled' : 'queued',
    queueId,
    customerId: customer?.id ?? null,
    caseId: queueId === input.queueId ? (input.caseId ?? null) : null,
    from: input.from,
    subject: input.subject,
    language: input.language ?? customer?.language ?? null,
    impact: input.impact,
    urgency: input.urgency,
    createdAt: now,
    queuedAt: scheduled && input.dueAt ? input.dueAt : now,
    dueAt: input.dueAt ?? null,
    provider: input.provider ?? null,
    externalId: input.externalId ?? null,
    ivr: input.ivr ?? {},
    reasons,
    intakeReasons: [...(input.intake ?? []), ...reasons],
  });
  if (!row) {
    // Nothing written: say why (the usual path wrote the row and never comes here).
    await mustTake(tx, queueId, input.channel);
    throw new AppError('conflict', `Contact ${input.id} exists already`);
  }
  if (scheduled && input.dueAt) await setTimer(tx, 'callback_due', row.id, input.dueAt);
  if (input.intake) await recordDecision(tx, row.id, now, 'entered', [...input.intake, ...reasons]);
  const contact = contactOf(row);
  return { contact, events: [contactEvent(contact)] };
}

/** Throws when the queue does not exist or does not take the channel. */
async function mustTake(tx: Tx, queueId: string, channel: Channel): Promise<void> {
  const queue = await findQueue(tx, queueId);
  if (!queue) throw new AppError('not_found', `No queue ${queueId}`);
  if (!queue.channels.includes(channel)) {
    throw new AppError('invalid', `Queue ${queue.name} does not take ${channel} contacts`);
  }
}

async function customerWithCompany(tx: Tx, customerId: string) {
  const [row] = await tx
    .select({
      id: customers.id,
      language: customers.language,
      contractExpiresAt: companies.contractExpiresAt,
    })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.id, customerId))
    .limit(1);
  return row ?? null;
}
