import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '../../db/database';
import { cases, messages } from '../../db/schema';
import { toMessage } from '../../features/cases/cases.repository';
import { commitInbound, type ChannelDeps } from '../inbound-commit';
import { messageEvent } from '../../features/cases/case-records';
import {
  PermanentJobError,
  type JobOutcome,
  type JobRow,
  type JobSender,
} from '../../features/outbound/outbound-jobs';
import { EmailJobPayload } from './email-job';

/** Where replies are written as .eml files when no relay is configured (the demo, a laptop). */
export const MAIL_OUT_DIR = 'mail-out';

type MessageRow = typeof messages.$inferSelect;

/**
 * Hands a rendered mail to the relay (`config.smtpRelayUrl`), or without one writes it as
 * `<dataDir>/mail-out/<fileId>.eml`. A 5xx from the relay is final (PermanentJobError).
 */
export function createMailDelivery(
  config: Pick<ChannelDeps['config'], 'smtpRelayUrl' | 'dataDir'>,
): (mail: Mail.Options, fileId: string) => Promise<void> {
  const relay = config.smtpRelayUrl ? nodemailer.createTransport(config.smtpRelayUrl) : null;
  return async (mail, fileId) => {
    if (relay) {
      try {
        await relay.sendMail(mail);
      } catch (err) {
        throw isPermanentRefusal(err) ? new PermanentJobError(describe(err)) : err;
      }
      return;
    }
    const file = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = await file.sendMail(mail);
    if (!Buffer.isBuffer(info.message)) throw new Error('The message was not rendered to a buffer');
    await writeEml(join(config.dataDir, MAIL_OUT_DIR), fileId, info.message);
  };
}

/**
 * Sends stored replies (createMailDelivery). A 4xx or a connection problem is retried by the
 * outbound worker with backoff. After each attempt the message's delivery (sent / failed)
 * reaches the consoles.
 */
export function createReplySender(deps: Pick<ChannelDeps, 'db' | 'config' | 'effects'>): JobSender {
  const deliver = createMailDelivery(deps.config);

  return {
    async send(payload) {
      const parsed = EmailJobPayload.safeParse(payload);
      if (!parsed.success) throw new PermanentJobError('The email job does not name a message');
      const row = await loadMessage(deps.db, parsed.data.messageId);
      if (!row) throw new PermanentJobError(`No message ${parsed.data.messageId}`);
      // A job claimed again after its node died mid-send: never mail the customer twice.
      if (row.delivery === 'sent') return;
      await deliver(mailOf(row, deps.config.mailFrom), row.id);
    },
    async settled(job: JobRow, outcome: JobOutcome) {
      if (outcome === 'retry') return;
      const parsed = EmailJobPayload.safeParse(job.payload);
      if (!parsed.success) return;
      await markDelivery(deps, parsed.data.messageId, outcome === 'done' ? 'sent' : 'failed');
    },
  };
}

function mailOf(row: MessageRow, mailFrom: string): Mail.Options {
  return {
    from: mailFrom,
    to: row.toAddresses,
    subject: row.subject,
    text: row.bodyText,
    date: row.at,
    ...(row.messageId ? { messageId: row.messageId } : {}),
    ...(row.inReplyTo ? { inReplyTo: row.inReplyTo } : {}),
    ...(row.references.length > 0 ? { references: row.references } : {}),
  };
}

async function loadMessage(db: Db, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row ?? null;
}

/** The new delivery state, stored and pushed as the same message again (message.added). */
async function markDelivery(
  deps: Pick<ChannelDeps, 'db' | 'effects'>,
  messageId: string,
  delivery: 'sent' | 'failed',
): Promise<void> {
  await commitInbound(deps, async (tx) => {
    const [row] = await tx.update(messages).set({ delivery }).where(eq(messages.id, messageId)).returning();
    if (!row) return { result: null, events: [] };
    const [kase] = await tx.select({ queueId: cases.queueId }).from(cases).where(eq(cases.id, row.caseId));
    if (!kase) return { result: null, events: [] };
    return {
      result: null,
      events: [messageEvent(toMessage(row), { queueId: kase.queueId, agentId: row.authorId })],
    };
  });
}

/** Written under a temporary name, then renamed: a reader never sees half a message. */
async function writeEml(dir: string, id: string, content: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const safeName = id.replace(/[^a-zA-Z0-9_-]/g, '_');
  const temporary = join(dir, `.${safeName}.eml.tmp`);
  await writeFile(temporary, content);
  await rename(temporary, join(dir, `${safeName}.eml`));
}

/** An SMTP 5xx answer: the relay will refuse this message again, whatever we do. */
function isPermanentRefusal(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'responseCode' in err ? err.responseCode : null;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
