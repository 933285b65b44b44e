import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { openContact } from '../../features/contacts/contact-intake';
import type { CommandSettings } from '../../features/sync/command-bus';
import type { NewEvent } from '../../features/sync/event-log';
import { entryQueue } from '../entry-queue';
import { findCaseById, openInboundCase, touchCaseForInbound, type CaseRow } from '../inbound-case';
import type { Requester } from '../requester';
import { isCaseOf } from './web-requester';

export type WebProvider = 'web_form' | 'web_chat';

const CHANNEL_OF = { web_form: 'web', web_chat: 'chat' } as const;

export interface WebArrival {
  provider: WebProvider;
  requester: Requester;
  name: string;
  email: string;
  subject: string;
  /** A case the visitor says this continues: used only when it is theirs. */
  caseId?: string | undefined;
  /** The channel's own id for the contact (conversation id, form submission id). */
  externalId: string;
}

/**
 * The case a web visitor's words go on (theirs if they named it, else a new one) and a contact
 * for routing, in the caller's transaction.
 */
export async function openWebWork(
  tx: Tx,
  arrival: WebArrival,
  now: Date,
  settings: CommandSettings,
): Promise<{ caseRow: CaseRow; contact: Contact; events: NewEvent[] }> {
  const channel = CHANNEL_OF[arrival.provider];
  const events: NewEvent[] = [];
  const named = arrival.caseId ? await findCaseById(tx, arrival.caseId) : null;
  let caseRow: CaseRow;
  if (named && (await isCaseOf(tx, named, arrival.email))) {
    const touched = await touchCaseForInbound(tx, named, now);
    caseRow = { ...named, status: touched.summary.status, version: touched.summary.version };
    events.push(touched.event);
  } else {
    const opened = await openInboundCase(tx, {
      id: `case_${randomUUID()}`,
      requester: arrival.requester,
      requesterName: arrival.name,
      requesterAddress: arrival.email,
      subject: arrival.subject,
      queueId: await entryQueue(tx, { channel, language: arrival.requester.language }),
      now,
    });
    caseRow = opened.row;
    events.push(opened.event);
  }
  const queueId = await entryQueue(tx, {
    channel,
    language: arrival.requester.language,
    caseQueueId: caseRow.queueId,
  });
  const opened = await openContact(
    tx,
    {
      id: `con_${arrival.provider}_${randomUUID()}`,
      channel,
      queueId,
      from: arrival.email,
      subject: arrival.subject,
      customerId: arrival.requester.customerId ?? caseRow.customerId ?? undefined,
      caseId: caseRow.id,
      language: arrival.requester.language ?? undefined,
      impact: 'medium',
      urgency: 'medium',
      provider: arrival.provider,
      externalId: arrival.externalId,
    },
    now,
    settings,
  );
  events.push(...opened.events);
  return { caseRow, contact: opened.contact, events };
}
