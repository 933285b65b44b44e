import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { cases, contacts, messages } from '../../../src-server/db/schema';
import { ORG } from '../../fixtures/minimal-org';
import { createTestDatabase, hasPostgres } from '../support/services';
import {
  collect,
  eventually,
  startTestServer,
  type DatabaseKind,
  type TestServer,
} from '../support/test-server';
import { countRows, storedEmail } from './email-store';
import { rawIdOf, smtpClient } from './smtp-client';

const SUPPORT = 'support@agentdeck.test';
const postgresHere = await hasPostgres();
const KINDS: DatabaseKind[] = postgresHere ? ['embedded', 'postgres'] : ['embedded'];

let sequence = 0;
/** A plain email as a mail program writes it (CRLF, Message-ID unique per call unless given). */
function mail(input: {
  from?: string;
  subject?: string;
  body?: string;
  messageId?: string;
  headers?: string[];
  contentType?: string;
}): Buffer {
  sequence += 1;
  const lines = [
    `From: ${input.from ?? 'Pat Unknown <pat@unknown.example>'}`,
    `To: ${SUPPORT}`,
    `Subject: ${input.subject ?? `Question ${sequence}`}`,
    'Date: Mon, 2 Mar 2026 10:15:00 +0100',
    `Message-ID: ${input.messageId ?? `<t${sequence}-${Date.now()}@unknown.example>`}`,
    'MIME-Version: 1.0',
    `Content-Type: ${input.contentType ?? 'text/plain; charset=utf-8'}`,
    ...(input.headers ?? []),
    '',
    input.body ?? 'Hello, my printer is on fire.',
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

describe.each(KINDS)('inbound email over SMTP (%s database)', (kind) => {
  let server: TestServer;
  let client: ReturnType<typeof smtpClient>;
  const closers: (() => Promise<void>)[] = [];
  const send = (raw: Buffer, from = 'pat@unknown.example', to = [SUPPORT]) => client.send(raw, { from, to });
  const db = () => server.database.db;

  beforeAll(async () => {
    const database = kind === 'postgres' ? await createTestDatabase() : null;
    if (database) closers.push(database.drop);
    server = await startTestServer({
      kind,
      ...(database ? { databaseUrl: database.url } : {}),
      env: {
        AGENTDECK_SUPPORT_ADDRESSES: `${SUPPORT},@help.agentdeck.test`,
        AGENTDECK_SMTP_MAX_BYTES: String(128 * 1024),
        AGENTDECK_ATTACHMENT_MAX_BYTES: '4096',
      },
    });
    closers.unshift(() => server.close());
    client = smtpClient(inboundSmtpPort(server.app.channels));
    closers.unshift(async () => client.close());
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('opens a case and a routed email contact for an unknown sender, raw source kept byte for byte', async () => {
    const supervisor = await server.connect('sofia');
    const pushed = collect<{ type: string }>(supervisor, 'sync:event');
    const raw = mail({
      subject: 'Printer on fire',
      contentType: 'text/html; charset=utf-8',
      body: '<p onclick="x()">Help<script>alert(1)</script><a href="javascript:alert(2)">me</a></p>',
    });
    const answer = await send(raw);
    expect(answer.code).toBe(250);
    const stored = await storedEmail(db(), rawIdOf(answer));
    expect(Buffer.compare(stored.raw.source, raw)).toBe(0);
    expect(stored.raw.outcome).toBe('new_case');
    expect(stored.kase).toMatchObject({
      customerId: null,
      requesterAddress: 'pat@unknown.example',
      requesterName: 'Pat Unknown',
      subject: 'Printer on fire',
      status: 'new',
    });
    expect(stored.contact).toMatchObject({ channel: 'email', provider: 'smtp', caseId: stored.kase!.id });
    expect(stored.contact!.externalId).toBe(stored.message!.messageId);
    expect(stored.message!.bodyHtml).toContain('Help');
    expect(stored.message!.bodyHtml).not.toMatch(/<script|\son[a-z]+=|javascript:/);
    expect(stored.message!.bodyText).toContain('Help');
    await eventually(() => pushed.length > 0, 5000, 'live events for the new email');
  });

  it('links a known sender to their customer, and an unknown one to their company by domain', async () => {
    const known = await storedEmail(db(), rawIdOf(await send(mail({ from: 'Jane <Jane.Roe@ACME.com>' }))));
    expect(known.kase!.customerId).toBe(ORG.customers.jane);
    expect(known.contact!.customerId).toBe(ORG.customers.jane);

    // Nobody at sol.es is known by this address, but the company is: its Spanish queue takes it.
    const byDomain = await storedEmail(db(), rawIdOf(await send(mail({ from: 'maria@sol.es' }))));
    expect(byDomain.kase).toMatchObject({
      customerId: null,
      requesterAddress: 'maria@sol.es',
      queueId: ORG.queues.es,
    });
    expect(byDomain.contact!.language).toBe('es');
  });

  it('threads a reply by In-Reply-To onto the case, without a second contact while one is open', async () => {
    const first = await storedEmail(db(), rawIdOf(await send(mail({ subject: 'Login broken' }))));
    const before = await countRows(db());
    const reply = await storedEmail(
      db(),
      rawIdOf(
        await send(
          mail({
            subject: 'Re: Login broken',
            headers: [
              `In-Reply-To: ${first.message!.messageId}`,
              `References: <older@x> ${first.message!.messageId}`,
            ],
          }),
        ),
      ),
    );
    expect(reply.raw.outcome).toBe('threaded');
    expect(reply.message!.caseId).toBe(first.kase!.id);
    expect(reply.message!.contactId).toBe(first.contact!.id);
    const after = await countRows(db());
    expect(after.cases).toBe(before.cases);
    expect(after.contacts).toBe(before.contacts);
  });

  it('threads a reply to an agent’s outbound message and reopens the case with a new contact', async () => {
    await db().update(cases).set({ status: 'pending_customer' }).where(eq(cases.id, ORG.cases.es));
    await db()
      .insert(messages)
      .values({
        id: `msg_out_${kind}`,
        caseId: ORG.cases.es,
        direction: 'outbound',
        channel: 'email',
        fromAddress: SUPPORT,
        subject: 'Re: No puedo entrar',
        bodyText: 'Pruebe otra vez',
        messageId: `<agent-reply-${kind}@agentdeck.test>`,
        at: new Date(),
      });
    const answer = await send(
      mail({
        from: 'José <jose.ruiz@sol.es>',
        subject: 'Re: No puedo entrar',
        headers: [`In-Reply-To: <agent-reply-${kind}@agentdeck.test>`],
      }),
    );
    const reply = await storedEmail(db(), rawIdOf(answer));
    expect(reply.message!.caseId).toBe(ORG.cases.es);
    expect(reply.kase!.status).toBe('open');
    expect(reply.contact).toMatchObject({
      caseId: ORG.cases.es,
      channel: 'email',
      customerId: ORG.customers.jose,
    });
  });

  it('threads by the [#number] tag in the subject when no header matches', async () => {
    const [seeded] = await db().select().from(cases).where(eq(cases.id, ORG.cases.en));
    const answer = await send(
      mail({
        from: 'jane.roe@acme.com',
        subject: `Re: Invoice export fails [#${seeded!.number}]`,
        headers: ['In-Reply-To: <unknown@nowhere>'],
      }),
    );
    const reply = await storedEmail(db(), rawIdOf(answer));
    expect(reply.message!.caseId).toBe(ORG.cases.en);
    expect(reply.contact!.caseId).toBe(ORG.cases.en);
  });

  it('answers a re-delivered Message-ID with 250 and stores nothing new', async () => {
    const raw = mail({ messageId: `<dup-${kind}@unknown.example>` });
    expect((await send(raw)).code).toBe(250);
    const before = await countRows(db());
    const again = await send(raw);
    expect(again.code).toBe(250);
    expect(await countRows(db())).toEqual(before);
  });

  it('records an auto-reply on its case without a contact, and drops unthreaded ones into raw storage only', async () => {
    const first = await storedEmail(db(), rawIdOf(await send(mail({ subject: 'Need help' }))));
    await db().update(contacts).set({ status: 'closed' }).where(eq(contacts.id, first.contact!.id));
    const before = await countRows(db());
    const ooo = await storedEmail(
      db(),
      rawIdOf(
        await send(
          mail({
            subject: 'Out of office: Re: Need help',
            headers: ['Auto-Submitted: auto-replied', `In-Reply-To: ${first.message!.messageId}`],
          }),
        ),
      ),
    );
    expect(ooo.raw.outcome).toBe('auto_reply');
    expect(ooo.message!.caseId).toBe(first.kase!.id);
    expect(ooo.message!.contactId).toBeNull();
    const bounce = await send(mail({ from: 'MAILER-DAEMON@mx.example.net', subject: 'Undeliverable' }), '');
    const bounced = await storedEmail(db(), rawIdOf(bounce));
    expect(bounced.raw.outcome).toBe('bounce');
    expect(bounced.message).toBeNull();
    const after = await countRows(db());
    expect(after).toMatchObject({
      cases: before.cases,
      contacts: before.contacts,
      messages: before.messages + 1,
    });
  });

  it('files a delivery report for an agent’s reply on that reply’s case, without a contact', async () => {
    await db()
      .insert(messages)
      .values({
        id: `msg_bounced_${kind}`,
        caseId: ORG.cases.en,
        direction: 'outbound',
        channel: 'email',
        fromAddress: SUPPORT,
        subject: 'Re: Invoice export fails',
        bodyText: 'Try again',
        messageId: `<bounced-${kind}@agentdeck.test>`,
        at: new Date(),
      });
    const before = await countRows(db());
    const report = mail({
      from: 'Mail Delivery System <MAILER-DAEMON@mx.acme.com>',
      subject: 'Undelivered Mail Returned to Sender',
      contentType: 'multipart/report; report-type=delivery-status; boundary="r"',
      body: [
        '--r',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--r',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.acme.com',
        '',
        'Final-Recipient: rfc822; gone@acme.com',
        'Action: failed',
        'Status: 5.1.1',
        '--r',
        'Content-Type: text/rfc822-headers',
        '',
        `From: ${SUPPORT}`,
        'Subject: Re: Invoice export fails',
        `Message-ID: <bounced-${kind}@agentdeck.test>`,
        '--r--',
      ].join('\r\n'),
    });
    const stored = await storedEmail(db(), rawIdOf(await send(report, '')));
    expect(stored.raw.outcome).toBe('bounce');
    expect(stored.message).toMatchObject({ caseId: ORG.cases.en, contactId: null });
    const after = await countRows(db());
    expect(after).toMatchObject({
      cases: before.cases,
      contacts: before.contacts,
      messages: before.messages + 1,
    });
  });

  it('refuses relaying with 550 and takes any mailbox of a served domain, in any case', async () => {
    const relay = await send(mail({}), 'pat@unknown.example', ['victim@elsewhere.example']);
    expect(relay.code).toBe(550);
    const domain = await send(mail({}), 'pat@unknown.example', ['Billing@HELP.agentdeck.test']);
    expect(domain.code).toBe(250);
  });

  it('refuses a message over the size limit with 552 and keeps only attachments under theirs', async () => {
    const huge = mail({ body: 'x'.repeat(200 * 1024) });
    expect((await send(huge)).code).toBe(552);

    const big = Buffer.alloc(6000, 0x41).toString('base64');
    const small = Buffer.from('small file').toString('base64');
    const raw = mail({
      contentType: 'multipart/mixed; boundary="b"',
      body: [
        '--b',
        'Content-Type: text/plain',
        '',
        'two files',
        '--b',
        'Content-Type: application/pdf; name="big.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        big,
        '--b',
        'Content-Type: TEXT/Plain; name="../../small.txt"',
        'Content-Disposition: attachment; filename="../../small.txt"',
        'Content-Transfer-Encoding: base64',
        '',
        small,
        '--b--',
      ].join('\r\n'),
    });
    const stored = await storedEmail(db(), rawIdOf(await send(raw)));
    expect(stored.files.map((f) => [f.filename, f.contentType, f.size])).toEqual([
      ['small.txt', 'text/plain', 10],
    ]);
    expect(stored.message!.parseProblems.join()).toMatch(/big\.pdf \(6000 bytes\)/);
    expect(stored.raw.outcome).toBe('partial');
  });

  it('keeps an unparseable message and answers 554, then goes on answering', async () => {
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x41, 0x0d, 0x0a]);
    const answer = await send(junk);
    expect(answer.code).toBe(554);
    const [kept] = await server.database.db.query.rawEmails.findMany({
      where: (raw, { eq: equals }) => equals(raw.outcome, 'unparseable'),
    });
    expect(kept && Buffer.compare(kept.source, junk)).toBe(0);
    expect((await send(mail({}))).code).toBe(250);
  });
});
