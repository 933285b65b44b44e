import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { openContact } from '../../features/contacts/contact-intake';
import type { CommandSettings } from '../../features/sync/command-bus';
import type { NewEvent } from '../../features/sync/event-log';
import { entryQueue } from '../entry-queue';
import { findCaseById, type CaseRow } from '../../features/cases/case-records';
import { openInboundCase, touchCaseForInbound } from '../inbound-case';
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
  /** The web form or chat widget it came from (intake rules may route by it). */
  source?: string | undefined;
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
  const continued = named && (await isCaseOf(tx, named, arrival.email)) ? named : null;
  const entry = await entryQueue(
    tx,
    {
      channel,
      language: arrival.requester.language,
      caseQueueId: continued?.queueId,
      source: arrival.source,
    },
    settings,
  );
  let caseRow: CaseRow;
  if (continued) {
    const touched = await touchCaseForInbound(tx, continued, now);
    caseRow = { ...continued, status: touched.summary.status, version: touched.summary.version };
    events.push(touched.event);
  } else {
    const opened = await openInboundCase(tx, {
      id: `case_${randomUUID()}`,
      requester: arrival.requester,
      requesterName: arrival.name,
      requesterAddress: arrival.email,
      subject: arrival.subject,
      queueId: entry.queueId,
      now,
    });
    caseRow = opened.row;
    events.push(opened.event);
  }
  const opened = await openContact(
    tx,
    {
      id: `con_${arrival.provider}_${randomUUID()}`,
      channel,
      queueId: entry.queueId,
      intake: entry.reasons,
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
