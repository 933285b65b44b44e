import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { cases, messages, outboundJobs } from '../../../src-server/db/schema';
import type { Db } from '../../../src-server/db/database';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { createTestDatabase, hasPostgres } from '../support/services';
import { startTestRelay, type TestRelay } from '../support/smtp-relay';
import {
  collect,
  eventually,
  request,
  settle,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from '../support/test-server';
import { insertInboundEmail, insertPhoneCase } from './reply-fixtures';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const MAIL_FROM = 'Acme Support <help@support.example>';
const SEND_WAIT_MS = 10_000;

const replyCommand = (payload: Record<string, unknown>, commandId = randomUUID()) => ({
  commandId,
  type: 'case:reply',
  payload: { caseId: ORG.cases.en, messageId: randomUUID(), body: 'We fixed the export.', ...payload },
});

async function messageRow(db: Db, id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row;
}

async function jobOf(db: Db, messageId: string) {
  const [job] = await db
    .select()
    .from(outboundJobs)
    .where(sql`${outboundJobs.payload}->>'messageId' = ${messageId}`);
  return job;
}

async function caseNumber(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ number: cases.number }).from(cases).where(eq(cases.id, id));
  return row!.number;
}

const deliveryEvents = (events: SyncEvent[], id: string) =>
  events.flatMap((e) => (e.type === 'message.added' && e.entityId === id ? [e.payload.delivery] : []));

describe.each(kinds)('email replies through a relay on %s', (kind) => {
  let relay: TestRelay;
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let ana: Socket;
  let db: Db;

  beforeAll(async () => {
    relay = await startTestRelay();
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: { AGENTDECK_SMTP_RELAY_URL: relay.url, AGENTDECK_MAIL_FROM: MAIL_FROM },
    });
    db = server.database.db;
    ana = await server.connect('ana');
  });
  afterAll(async () => {
    await server?.close();
    await relay?.close();
    await drop?.();
  });

  it('sends a threaded reply from the support address and shows it as sent', async () => {
    await insertInboundEmail(db, {
      messageId: '<m2@acme.com>',
      references: ['<m1@acme.com>'],
      subject: 'RE: Re: Invoice export fails [#1]',
    });
    const events = collect<SyncEvent>(ana, SOCKET_EVENTS.syncEvent);
    const command = replyCommand({ body: 'We fixed the export.\nRegards, Ana' });
    const id = command.payload.messageId;

    const ack = await request<{ entity: { delivery: string; to: string[] } }>(
      ana,
      SOCKET_EVENTS.command,
      command,
    );
    expect(ack).toMatchObject({
      ok: true,
      data: { entity: { delivery: 'queued', to: ['jane.roe@acme.com'] } },
    });

    await eventually(() => relay.accepted.length === 1, SEND_WAIT_MS, 'the relay to receive the reply');
    const mail = relay.accepted[0]!;
    expect(mail.from?.value).toEqual([{ address: 'help@support.example', name: 'Acme Support' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([
      'jane.roe@acme.com',
    ]);
    expect(mail.subject).toBe(`Re: Invoice export fails [#${await caseNumber(db, ORG.cases.en)}]`);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@support\.example>$/);
    expect(mail.inReplyTo).toBe('<m2@acme.com>');
    expect(mail.references).toEqual(['<m1@acme.com>', '<m2@acme.com>']);
    expect(mail.text?.trim()).toBe('We fixed the export.\nRegards, Ana');
    expect(mail.html).toBe(false);
    expect(mail.headers.has('auto-submitted')).toBe(false);

    await eventually(() => deliveryEvents(events, id).includes('sent'), SEND_WAIT_MS, 'the sent event');
    expect(deliveryEvents(events, id)).toEqual(['queued', 'sent']);
    const row = await messageRow(db, id);
    expect(row).toMatchObject({ delivery: 'sent', authorId: ORG.users.ana.id, direction: 'outbound' });
    expect(row?.messageId).toBe(mail.messageId);
  });

  it('retries after a temporary refusal (451) and then sends', async () => {
    relay.refuseNext({ code: 451, message: 'Greylisted, try again later' });
    const before = { attempts: relay.attempts, accepted: relay.accepted.length };
    const command = replyCommand({});
    const id = command.payload.messageId;
    expect((await request(ana, SOCKET_EVENTS.command, command)).ok).toBe(true);

    let job = await jobOf(db, id);
    await eventually(() => relay.attempts === before.attempts + 1, SEND_WAIT_MS, 'the first attempt');
    for (let tries = 0; !job?.lastError && tries < 500; tries++) {
      await settle(20);
      job = await jobOf(db, id);
    }
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.lastError).toMatch(/451/);
    expect((await messageRow(db, id))?.delivery).toBe('queued');

    // The backoff is due now: the next sweep sends it.
    await db.update(outboundJobs).set({ nextAttemptAt: new Date() }).where(eq(outboundJobs.id, job!.id));
    server.app.channels.outbound.kick();
    await eventually(() => relay.accepted.length === before.accepted + 1, SEND_WAIT_MS, 'the retry');
    let row = await messageRow(db, id);
    for (let tries = 0; row?.delivery !== 'sent' && tries < 500; tries++) {
      await settle(20);
      row = await messageRow(db, id);
    }
    expect(row?.delivery).toBe('sent');
    expect(await jobOf(db, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('gives up on a permanent refusal (550) and shows the reply as failed', async () => {
    relay.refuseNext({ code: 550, message: 'No such mailbox' });
    const events = collect<SyncEvent>(ana, SOCKET_EVENTS.syncEvent);
    const accepted = relay.accepted.length;
    const command = replyCommand({ to: 'nobody@acme.com' });
    const id = command.payload.messageId;
    expect((await request(ana, SOCKET_EVENTS.command, command)).ok).toBe(true);

    await eventually(() => deliveryEvents(events, id).includes('failed'), SEND_WAIT_MS, 'the failed event');
    expect((await messageRow(db, id))?.delivery).toBe('failed');
    expect(await jobOf(db, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(relay.accepted.length).toBe(accepted);
  });

  it('applies a repeated command once: one message, one email', async () => {
    const command = replyCommand({ body: 'Said once.' });
    const id = command.payload.messageId;
    const first = await request(ana, SOCKET_EVENTS.command, command);
    const again = await request(ana, SOCKET_EVENTS.command, command);
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);

    await eventually(
      () => relay.accepted.some((m) => m.text?.trim() === 'Said once.'),
      SEND_WAIT_MS,
      'the email',
    );
    const rows = await db.select().from(messages).where(eq(messages.id, id));
    expect(rows).toHaveLength(1);
    const jobs = await db
      .select()
      .from(outboundJobs)
      .where(sql`${outboundJobs.payload}->>'messageId' = ${id}`);
    expect(jobs).toHaveLength(1);
    await settle();
    expect(relay.accepted.filter((m) => m.text?.trim() === 'Said once.')).toHaveLength(1);

    // A new command reusing the message id is a conflict, not a second email.
    const reuse = await request(ana, SOCKET_EVENTS.command, replyCommand({ messageId: id }));
    expect(reuse).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses people and cases out of scope, and bad payloads, changing nothing', async () => {
    const phoneCase = await insertPhoneCase(db);
    const count = async () => {
      const [m] = await db.select({ n: sql<number>`count(*)::int` }).from(messages);
      const [j] = await db.select({ n: sql<number>`count(*)::int` }).from(outboundJobs);
      return { messages: Number(m!.n), jobs: Number(j!.n) };
    };
    const before = await count();
    const eva = await server.connect('eva');
    const carl = await server.connect('carl');
    const refusals: [Socket, unknown, string][] = [
      [eva, replyCommand({}), 'forbidden'],
      [carl, replyCommand({}), 'forbidden'],
      [ana, replyCommand({ caseId: ORG.cases.es }), 'forbidden'],
      [ana, replyCommand({ caseId: 'case_missing' }), 'not_found'],
      [ana, replyCommand({ to: 'not an address' }), 'invalid'],
      [ana, replyCommand({ to: 'jane@acme.com\r\nBcc: x@evil.test' }), 'invalid'],
      [ana, replyCommand({ body: '   ' }), 'invalid'],
      [ana, replyCommand({ body: 'x'.repeat(50_001) }), 'invalid'],
      [ana, replyCommand({ messageId: 'not-a-uuid' }), 'invalid'],
      [ana, replyCommand({ caseId: phoneCase }), 'invalid'],
    ];
    for (const [socket, command, code] of refusals) {
      const ack = await request(socket, SOCKET_EVENTS.command, command);
      expect(ack, JSON.stringify(command).slice(0, 200)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await count()).toEqual(before);
  });

  it('never answers an auto-responder: the default is the last mail a person wrote', async () => {
    await insertInboundEmail(db, { messageId: '<person@acme.com>', references: [] });
    await insertInboundEmail(db, { messageId: '<ooo@acme.com>', autoReplyFrom: 'ooo-robot@acme.com' });
    const toRobot = await request(ana, SOCKET_EVENTS.command, replyCommand({ to: 'ooo-robot@acme.com' }));
    expect(toRobot).toMatchObject({ ok: false, error: { code: 'invalid' } });

    const command = replyCommand({});
    const ack = await request(ana, SOCKET_EVENTS.command, command);
    expect(ack).toMatchObject({ ok: true, data: { entity: { to: ['jane.roe@acme.com'] } } });
    expect((await messageRow(db, command.payload.messageId))?.inReplyTo).toBe('<person@acme.com>');
  });

  it('threads both ways with real inbound mail: the reply answers it, the answer to the reply finds the case', async () => {
    const number = await caseNumber(db, ORG.cases.en);
    const inbound = createTransport({
      host: '127.0.0.1',
      port: inboundSmtpPort(server.app.channels),
      ignoreTLS: true,
    });
    const customerId = `<roundtrip-${randomUUID()}@acme.com>`;
    await inbound.sendMail({
      from: 'Jane Roe <jane.roe@acme.com>',
      to: 'support@agentdeck.test',
      subject: `Export still broken [#${number}]`,
      messageId: customerId,
      text: 'Any news?',
    });
    const [stored] = await db.select().from(messages).where(eq(messages.messageId, customerId));
    expect(stored?.caseId).toBe(ORG.cases.en);

    const command = replyCommand({ body: 'Yes: fixed in 4.2.' });
    expect((await request(ana, SOCKET_EVENTS.command, command)).ok).toBe(true);
    // Find our reply by its Message-ID: an earlier test's reply may still be on its way.
    const sentId = (await messageRow(db, command.payload.messageId))?.messageId;
    expect(sentId).toBeTruthy();
    await eventually(() => relay.accepted.some((m) => m.messageId === sentId), SEND_WAIT_MS, 'the reply');
    const reply = relay.accepted.find((m) => m.messageId === sentId)!;
    expect(reply.inReplyTo).toBe(customerId);
    expect(reply.subject).toBe(`Re: Export still broken [#${number}]`);

    // The customer answers our reply without any case tag: In-Reply-To alone finds the case.
    const answerId = `<answer-${randomUUID()}@acme.com>`;
    await inbound.sendMail({
      from: 'jane.roe@acme.com',
      to: 'support@agentdeck.test',
      subject: 'Re: thanks',
      messageId: answerId,
      inReplyTo: reply.messageId,
      references: [customerId, reply.messageId!],
      text: 'Works now, thanks.',
    });
    inbound.close();
    const [answer] = await db.select().from(messages).where(eq(messages.messageId, answerId));
    expect(answer?.caseId).toBe(ORG.cases.en);
  });

  it('lets a supervisor reply on any queue', async () => {
    const sofia = await server.connect('sofia');
    const ack = await request(sofia, SOCKET_EVENTS.command, replyCommand({ caseId: ORG.cases.es }));
    expect(ack).toMatchObject({ ok: true, data: { entity: { to: ['jose.ruiz@sol.es'] } } });
  });
});

describe('email replies without a relay', () => {
  let server: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'agentdeck-mail-out-'));
    server = await startTestServer({ env: { AGENTDECK_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the reply as an .eml file under the data directory and marks it sent', async () => {
    const db = server.database.db;
    await insertInboundEmail(db, { messageId: '<only@acme.com>', references: [] });
    const ana = await server.connect('ana');
    const command = replyCommand({ body: 'Written to disk.' });
    const id = command.payload.messageId;
    expect((await request(ana, SOCKET_EVENTS.command, command)).ok).toBe(true);

    let row = await messageRow(db, id);
    for (let tries = 0; row?.delivery !== 'sent' && tries < 500; tries++) {
      await settle(20);
      row = await messageRow(db, id);
    }
    expect(row?.delivery).toBe('sent');
    const eml = await readFile(join(dataDir, 'mail-out', `${id}.eml`));
    expect(eml.toString('latin1')).toContain('\r\n');
    const mail = await simpleParser(eml);
    expect(mail.from?.text).toBe('support@agentdeck.test');
    expect(mail.subject).toMatch(/^Re: Invoice export fails \[#\d+\]$/);
    expect(mail.inReplyTo).toBe('<only@acme.com>');
    expect(mail.references).toBe('<only@acme.com>');
    expect(mail.messageId).toMatch(/@agentdeck\.test>$/);
    expect(mail.text?.trim()).toBe('Written to disk.');
  });
});
