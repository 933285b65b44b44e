import { randomUUID } from 'node:crypto';
import type { Db } from '../../../src-server/db/database';
import { attachments, cases, messages, rawEmails } from '../../../src-server/db/schema';
import { ORG } from '../../fixtures/minimal-org';

/** Jane's email on case_en, as inbound SMTP would have stored it (threading ids included). */
export async function insertInboundEmail(
  db: Db,
  options: {
    caseId?: string;
    messageId?: string;
    references?: string[];
    subject?: string;
    /** An auto-responder's mail from this address, classed `auto_reply` by inbound SMTP. */
    autoReplyFrom?: string;
  } = {},
) {
  const id = `msg_${randomUUID()}`;
  const messageId = options.messageId ?? `<${randomUUID()}@acme.com>`;
  const rawEmailId = options.autoReplyFrom ? `raw_${randomUUID()}` : null;
  if (rawEmailId) {
    await db.insert(rawEmails).values({
      id: rawEmailId,
      mailFrom: options.autoReplyFrom!,
      rcptTo: ['support@agentdeck.test'],
      size: 1,
      source: Buffer.from('Auto-Submitted: auto-replied\r\n\r\nAway'),
      outcome: 'auto_reply',
    });
  }
  await db.insert(messages).values({
    id,
    caseId: options.caseId ?? ORG.cases.en,
    direction: 'inbound',
    channel: 'email',
    fromAddress: options.autoReplyFrom ?? 'jane.roe@acme.com',
    fromName: 'Jane Roe',
    toAddresses: ['support@agentdeck.test'],
    subject: options.subject ?? 'RE: Invoice export fails [#1]',
    bodyText: 'Still failing.',
    messageId,
    references: options.references ?? ['<first@acme.com>'],
    rawEmailId,
    at: new Date(),
  });
  return { id, messageId };
}

/** A case with no email address at all (a phone case from an unknown caller). */
export async function insertPhoneCase(db: Db): Promise<string> {
  const id = `case_${randomUUID()}`;
  await db.insert(cases).values({
    id,
    subject: 'Call about a login',
    status: 'open',
    severity: 3,
    queueId: ORG.queues.en,
    requesterAddress: '+14155550100',
  });
  return id;
}

export async function insertAttachment(
  db: Db,
  messageId: string,
  file: { filename: string; contentType: string; content: Buffer },
): Promise<string> {
  const id = `att_${randomUUID()}`;
  await db.insert(attachments).values({ id, messageId, size: file.content.length, ...file });
  return id;
}
