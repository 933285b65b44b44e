import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database';
import { attachments, rawEmails } from '../../db/schema';
import { openContact } from '../../features/contacts/contact-intake';
import type { NewEvent } from '../../features/sync/event-log';
import type { IntakeChoice } from '../../../src-shared/domain/routing/intake';
import { entryQueue } from '../entry-queue';
import { addMessage, type CaseRow } from '../../features/cases/case-records';
import { openInboundCase, touchCaseForInbound } from '../inbound-case';
import { commitInbound, type ChannelDeps } from '../inbound-commit';
import { requesterByEmail, type Requester } from '../requester';
import { parseEmail, type ParsedEmail } from './email-parse';
import { caseOfThread, isKnownMessageId, openEmailContactOf } from './email-thread';
import { cleanText } from './mail-text';

/** One message as the SMTP session received it. */
export interface Delivery {
  raw: Buffer;
  /** MAIL FROM; '' for the null sender `<>`. */
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
}

export type EmailOutcome = 'threaded' | 'new_case' | 'auto_reply' | 'bounce' | 'partial' | 'unparseable';

export interface DeliveryResult {
  /** Whether to answer 250 (stored) or 554 (unparseable, stored for a person to look at). */
  accepted: boolean;
  outcome: EmailOutcome | 'duplicate';
  rawEmailId: string | null;
  caseId: string | null;
  contactId: string | null;
}

type Deps = Pick<ChannelDeps, 'db' | 'effects' | 'config' | 'settings'>;

/**
 * Stores an inbound email in one transaction: its raw source byte for byte, the message on the
 * case it continues (or a new case), and a contact for routing when a person wrote it. Resolves
 * only after commit: the SMTP answer follows.
 */
export async function receiveEmail(deps: Deps, delivery: Delivery): Promise<DeliveryResult> {
  const parsed = await parseEmail(delivery.raw, {
    attachmentMaxBytes: deps.config.attachmentMaxBytes,
    envelopeFrom: delivery.mailFrom,
  });
  return commitInbound<DeliveryResult>(deps, async (tx, now) => {
    if (!parsed.ok) {
      const rawEmailId = await storeRaw(tx, delivery, 'unparseable', parsed.reason, now);
      return { result: { ...NOTHING, accepted: false, outcome: 'unparseable', rawEmailId }, events: [] };
    }
    const email = parsed.email;
    if (email.messageId && (await isKnownMessageId(tx, email.messageId))) {
      return { result: { ...NOTHING, outcome: 'duplicate' }, events: [] };
    }
    const sender = email.from.address || delivery.mailFrom;
    const thread = await caseOfThread(tx, email);
    const outcome: EmailOutcome =
      email.automated ?? (email.problems.length > 0 ? 'partial' : thread ? 'threaded' : 'new_case');
    const detail = [
      thread ? `case ${thread.row.number} by ${thread.by}` : email.automated ? 'no case' : 'new case',
      ...email.problems,
    ].join('; ');
    const rawEmailId = await storeRaw(tx, delivery, outcome, detail, now);

    if (email.automated) {
      // Loop protection: recorded on its case if it has one, but it never opens work.
      if (!thread) return { result: { ...NOTHING, outcome, rawEmailId }, events: [] };
      const stored = await storeMessage(tx, {
        email,
        sender,
        rawEmailId,
        caseRow: thread.row,
        contactId: null,
        now,
      });
      return { result: { ...NOTHING, outcome, rawEmailId, caseId: thread.row.id }, events: [stored] };
    }

    const requester = await requesterByEmail(tx, sender);
    const entry = await entryQueue(
      tx,
      {
        channel: 'email',
        language: requester.language,
        caseQueueId: thread?.row.queueId,
        addresses: delivery.rcptTo.map((r) => r.toLowerCase()),
      },
      deps.settings,
    );
    const events: NewEvent[] = [];
    let caseRow: CaseRow;
    let contactId: string | null = null;
    if (thread) {
      caseRow = thread.row;
      const touched = await touchCaseForInbound(tx, caseRow, now);
      events.push(touched.event);
      contactId = await openEmailContactOf(tx, caseRow.id);
    } else {
      const opened = await openInboundCase(tx, {
        id: `case_${randomUUID()}`,
        requester,
        requesterName: email.from.name,
        requesterAddress: sender,
        subject: email.subject || '(no subject)',
        queueId: entry.queueId,
        now,
      });
      caseRow = opened.row;
      events.push(opened.event);
    }
    const isNewWork = contactId === null;
    if (isNewWork) {
      const opened = await openEmailContact(tx, deps, {
        email,
        sender,
        requester,
        caseRow,
        entry,
        rawEmailId,
        now,
      });
      contactId = opened.contact.id;
      events.push(...opened.events);
    }
    events.push(await storeMessage(tx, { email, sender, rawEmailId, caseRow, contactId, now }));
    return {
      result: { accepted: true, outcome, rawEmailId, caseId: caseRow.id, contactId },
      events,
      kickRouting: isNewWork,
    };
  });
}

const NOTHING: DeliveryResult = {
  accepted: true,
  outcome: 'duplicate',
  rawEmailId: null,
  caseId: null,
  contactId: null,
};

async function storeRaw(
  tx: Tx,
  delivery: Delivery,
  outcome: EmailOutcome,
  detail: string,
  now: Date,
): Promise<string> {
  const id = `raw_${randomUUID()}`;
  await tx.insert(rawEmails).values({
    id,
    receivedAt: now,
    mailFrom: cleanText(delivery.mailFrom, 320),
    rcptTo: delivery.rcptTo.map((r) => cleanText(r, 320)),
    remoteAddress: cleanText(delivery.remoteAddress, 100),
    size: delivery.raw.length,
    source: delivery.raw,
    outcome,
    detail: cleanText(detail, 4000),
  });
  return id;
}

async function openEmailContact(
  tx: Tx,
  deps: Deps,
  input: {
    email: ParsedEmail;
    sender: string;
    requester: Requester;
    caseRow: CaseRow;
    entry: IntakeChoice;
    rawEmailId: string;
    now: Date;
  },
) {
  const customerId = input.requester.customerId ?? input.caseRow.customerId ?? undefined;
  return openContact(
    tx,
    {
      id: `con_smtp_${randomUUID()}`,
      channel: 'email',
      queueId: input.entry.queueId,
      intake: input.entry.reasons,
      from: cleanText(input.sender, 320),
      subject: cleanText(input.email.subject, 500),
      customerId,
      caseId: input.caseRow.id,
      language: input.requester.language ?? undefined,
      impact: 'medium',
      urgency: 'medium',
      provider: 'smtp',
      externalId: input.email.messageId ?? input.rawEmailId,
    },
    input.now,
    deps.settings,
  );
}

async function storeMessage(
  tx: Tx,
  input: {
    email: ParsedEmail;
    sender: string;
    rawEmailId: string;
    caseRow: CaseRow;
    contactId: string | null;
    now: Date;
  },
): Promise<NewEvent> {
  const { email } = input;
  const id = `msg_${randomUUID()}`;
  const { event } = await addMessage(
    tx,
    {
      id,
      caseId: input.caseRow.id,
      contactId: input.contactId,
      direction: 'inbound',
      channel: 'email',
      fromAddress: cleanText(input.sender, 320),
      fromName: email.from.name,
      toAddresses: email.to,
      ccAddresses: email.cc,
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      messageId: email.messageId,
      inReplyTo: email.inReplyTo,
      references: email.references,
      rawEmailId: input.rawEmailId,
      parseProblems: email.problems.map((p) => cleanText(p, 1000)),
      at: input.now,
    },
    { queueId: input.caseRow.queueId },
  );
  for (const file of email.attachments) {
    await tx.insert(attachments).values({
      id: `att_${randomUUID()}`,
      messageId: id,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      contentId: file.contentId,
      inline: file.inline,
      content: file.content,
      createdAt: input.now,
    });
  }
  return event;
}
