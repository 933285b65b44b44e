import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { seedDemoData } from '../../../src-server/db/seed';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { smtpClient } from '../channels/smtp-client';
import { postForm } from '../channels/web-support';
import { createTestDatabase, hasPostgres } from '../support/services';
import { request, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

interface DemoCustomer {
  id: string;
  email: string;
  phone: string;
}

/**
 * Issue 11, finding 1: on the demo data every channel picks the queue by the intake rules —
 * support@, the support line, web forms and chats go to Support EN or ES by the customer's
 * language; sales@ goes to Inside Sales; an expired contract goes to Inside Sales on every
 * channel. Each contact's first decision says which rule put it there.
 */
describe.each(kinds)('intake rules on the demo data (%s)', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let mail: ReturnType<typeof smtpClient>;
  const visitors: Socket[] = [];
  let aaron: DemoCustomer;
  let spanish: DemoCustomer;
  let expired: DemoCustomer;

  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> =>
    ((await server.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const customerWhere = async (where: ReturnType<typeof sql>): Promise<DemoCustomer> => {
    const [found] = await rows<DemoCustomer>(
      sql`select c.id, c.email, c.phone from customers c join companies k on k.id = c.company_id
          where ${where} order by c.id limit 1`,
    );
    if (!found) throw new Error('no such demo customer');
    return found;
  };

  /** The queue of the contact and the reasons of its first ("entered") decision. */
  const entered = async (where: ReturnType<typeof sql>) => {
    const [contact] = await rows<{ id: string; queue_id: string }>(
      sql`select id, queue_id from contacts where ${where} order by created_at desc limit 1`,
    );
    if (!contact) throw new Error('no contact');
    const [decision] = await rows<{ reasons: string[] }>(
      sql`select reasons from routing_decisions where contact_id = ${contact.id} and outcome = 'entered'`,
    );
    const [kept] = await rows<{ intake_reasons: string[] }>(
      sql`select intake_reasons from contacts where id = ${contact.id}`,
    );
    expect(kept?.intake_reasons).toEqual(decision?.reasons); // the contact shows what was decided
    return { queueId: contact.queue_id, reasons: decision?.reasons ?? [] };
  };

  const sendMail = async (from: string, to: string, subject: string) => {
    const raw = `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}.${kind}@test>\r\n\r\nHello.\r\n`;
    const answer = await mail.send(raw, { from, to: [to] });
    expect(answer.code).toBe(250);
  };

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      seed: false,
      env: { AGENTDECK_CTI_SECRET: CTI_SECRET },
    });
    await seedDemoData(server.database.db);
    mail = smtpClient(inboundSmtpPort(server.app.channels));
    aaron = await customerWhere(sql`c.email = 'aaron.carter@summithealth.com'`);
    spanish = await customerWhere(
      sql`c.language = 'es' and k.contract_expires_at > now() + interval '30 days'`,
    );
    expired = await customerWhere(sql`c.language = 'en' and k.contract_expires_at < now()`);
  }, 120_000);
  afterAll(async () => {
    for (const v of visitors) v.disconnect();
    mail?.close();
    await server?.close();
    await drop?.();
  });

  it('sends email to support@ into Support EN or ES by the language, whether or not the sender is a customer', async () => {
    await sendMail(aaron.email, 'support@agentdeck.test', 'Aaron needs help');
    expect(await entered(sql`from_address = ${aaron.email}`)).toEqual({
      queueId: 'q_support_en',
      reasons: ['intake_address', 'intake_language'],
    });
    await sendMail('newcomer@startup.example', 'support@agentdeck.test', 'Not yet a customer');
    expect((await entered(sql`from_address = 'newcomer@startup.example'`)).queueId).toBe('q_support_en');
    await sendMail(spanish.email, 'support@agentdeck.test', 'Ayuda por favor');
    expect((await entered(sql`from_address = ${spanish.email}`)).queueId).toBe('q_support_es');
  });

  it('sends email to sales@ into Inside Sales', async () => {
    await sendMail('buyer@prospect.example', 'sales@agentdeck.test', 'Pricing question');
    expect(await entered(sql`from_address = 'buyer@prospect.example'`)).toEqual({
      queueId: 'q_inside_sales',
      reasons: ['intake_address'],
    });
  });

  it('sends web forms of customers and of strangers into the support desk of their language', async () => {
    for (const [email, queueId, reasons] of [
      [aaron.email, 'q_support_en', ['intake_default', 'intake_language']],
      ['stranger@nowhere.example', 'q_support_en', ['intake_default']], // language unknown: English
      [spanish.email, 'q_support_es', ['intake_default', 'intake_language']],
    ] as const) {
      const res = await postForm(server.url, { name: 'Someone', email, subject: 'Form', message: 'Help' });
      expect(res.status).toBe(201);
      const { caseId } = (await res.json()) as { caseId: string };
      expect(await entered(sql`case_id = ${caseId}`)).toEqual({ queueId, reasons });
    }
  });

  it('sends a form named by an intake rule to its queue', async () => {
    const res = await postForm(server.url, {
      name: 'Renewing',
      email: aaron.email,
      subject: 'Renew us',
      message: 'Quote please',
      source: 'renewal-form',
    });
    const { caseId } = (await res.json()) as { caseId: string };
    expect(await entered(sql`case_id = ${caseId}`)).toEqual({
      queueId: 'q_inside_sales',
      reasons: ['intake_source'],
    });
  });

  it('sends a visitor chat into Support EN', async () => {
    const visitor = connectSocket(`${server.url}/visitor`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    visitors.push(visitor);
    await new Promise<void>((resolve, reject) => {
      visitor.once('connect', () => resolve());
      visitor.once('connect_error', reject);
    });
    const started = await request<{ conversationId: string }>(visitor, 'chat:start', {
      name: 'Chatty',
      email: 'chatty@visitor.example',
      message: 'Anyone there?',
    });
    expect(started.ok).toBe(true);
    expect(await entered(sql`from_address = 'chatty@visitor.example'`)).toEqual({
      queueId: 'q_support_en',
      reasons: ['intake_default'],
    });
  });

  it('sends a call by the dialled number: the support line to Support, the sales line to Inside Sales', async () => {
    const support = await postCti(server.url, {
      callId: `call-support-${kind}`,
      event: 'call.offered',
      from: aaron.phone,
      to: '+18005550100',
    });
    expect(support.status).toBe(200);
    expect(await entered(sql`id = ${String(support.body.contactId)}`)).toEqual({
      queueId: 'q_support_en',
      reasons: ['intake_number', 'intake_language'],
    });
    const sales = await postCti(server.url, {
      callId: `call-sales-${kind}`,
      event: 'call.offered',
      from: aaron.phone,
      to: '+1 800 555 0199',
    });
    expect((await entered(sql`id = ${String(sales.body.contactId)}`)).queueId).toBe('q_inside_sales');
  });

  it('sends an expired-contract customer to Inside Sales on every channel, saying why', async () => {
    await sendMail(expired.email, 'support@agentdeck.test', 'Expired but asking');
    expect(await entered(sql`from_address = ${expired.email} and channel = 'email'`)).toEqual({
      queueId: 'q_inside_sales',
      reasons: ['intake_address', 'intake_language', 'contract_expired_inside_sales'],
    });
    const res = await postForm(server.url, { name: 'X', email: expired.email, subject: 'F', message: 'M' });
    expect(res.status).toBe(201);
    expect((await entered(sql`from_address = ${expired.email} and channel = 'web'`)).queueId).toBe(
      'q_inside_sales',
    );
    const call = await postCti(server.url, {
      callId: `call-expired-${kind}`,
      event: 'call.offered',
      from: expired.phone,
      to: '+18005550100',
    });
    expect((await entered(sql`id = ${String(call.body.contactId)}`)).queueId).toBe('q_inside_sales');
  });
});
