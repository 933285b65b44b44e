import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { cases } from '../../../src-server/db/schema';
import type { Socket } from 'socket.io-client';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { CaseDetail } from '../../../src-shared/protocol/entities';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { countRows, openQueuesToWeb, postForm } from './web-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const RATE_LIMIT = 30;

describe.each(kinds)('the web form on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let ana: Socket;
  let anaSees: Map<string, Contact>;
  let sofiaToken: string;
  let address = 0;
  const form = (extra: Record<string, unknown> = {}) => ({
    name: 'Pat Visitor',
    email: `pat${++address}@example.org`,
    subject: 'Cannot export invoices',
    message: 'The export button does nothing.\nPlease help.',
    ...extra,
  });
  const caseDetail = async (id: string) => {
    const res = await fetch(`${server.url}/api/v1/cases/${id}`, {
      headers: { authorization: `Bearer ${sofiaToken}` },
    });
    expect(res.status).toBe(200);
    return CaseDetail.parse(((await res.json()) as { case: unknown }).case);
  };

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: { AGENTDECK_WEB_FORM_RATE_LIMIT: String(RATE_LIMIT) },
    });
    await openQueuesToWeb(server.database.db);
    ana = await server.connect('ana');
    anaSees = watchContacts(ana);
    sofiaToken = (await server.login('sofia')).token;
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });
  beforeEach(async () => {
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
  });

  it('stores case, message and contact, answers 201 with the case number, and offers it to an agent', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const res = await postForm(server.url, form({ email: 'jane.roe@acme.com' }), {
      origin: 'https://shop.example',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const receipt = (await res.json()) as { caseNumber: number; caseId: string };
    expect(receipt.caseNumber).toBeGreaterThan(0);

    const kase = await caseDetail(receipt.caseId);
    expect(kase).toMatchObject({
      number: receipt.caseNumber,
      subject: 'Cannot export invoices',
      status: 'new',
    });
    expect(kase.customer?.id).toBe(ORG.customers.jane);
    expect(kase.messages).toEqual([
      expect.objectContaining({
        channel: 'web',
        direction: 'inbound',
        fromName: 'Pat Visitor',
        bodyText: 'The export button does nothing.\nPlease help.',
      }),
    ]);
    await eventually(
      () =>
        [...anaSees.values()].some(
          (c) => c.caseId === receipt.caseId && c.status === 'offered' && c.agentId === ORG.users.ana.id,
        ),
      5000,
      'the form offered to ana',
    );
    const contact = [...anaSees.values()].find((c) => c.caseId === receipt.caseId)!;
    expect(contact).toMatchObject({ channel: 'web', provider: 'web_form', customerId: ORG.customers.jane });
  });

  it('links a form to the customer id it names only when that customer has the address given', async () => {
    const res = await postForm(server.url, form({ customerId: ORG.customers.jane }));
    expect(res.status).toBe(201);
    const { caseId } = (await res.json()) as { caseId: string };
    const [row] = await server.database.db
      .select({ customerId: cases.customerId })
      .from(cases)
      .where(eq(cases.id, caseId));
    expect(row).toEqual({ customerId: null });
  });

  it('answers a preflight from any website', async () => {
    const res = await fetch(`${server.url}/api/v1/channels/web/forms`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses invalid fields with 400 and the reasons, storing nothing', async () => {
    const before = await Promise.all([
      countRows(server.database.db, 'cases'),
      countRows(server.database.db, 'messages'),
      countRows(server.database.db, 'contacts'),
    ]);
    const bad = [
      form({ email: 'not-an-address' }),
      form({ subject: '' }),
      form({ message: '   ' }),
      form({ name: 'x'.repeat(201) }),
      form({ subject: 'y'.repeat(501) }),
      form({ message: 'z'.repeat(20_001) }),
      { name: 'Only a name' },
    ];
    for (const body of bad) {
      const res = await postForm(server.url, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: { code: string; details: unknown[] } };
      expect(answer.error.code).toBe('invalid');
      expect(answer.error.details.length).toBeGreaterThan(0);
    }
    expect((await postForm(server.url, '{"name": ')).status).toBe(400);
    expect((await postForm(server.url, form({ message: 'm'.repeat(70_000) }))).status).toBe(413);
    const after = await Promise.all([
      countRows(server.database.db, 'cases'),
      countRows(server.database.db, 'messages'),
      countRows(server.database.db, 'contacts'),
    ]);
    expect(after).toEqual(before);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await countRows(server.database.db, 'cases');
    const res = await postForm(server.url, form({ website: 'http://spam.example' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ caseNumber: expect.any(Number), caseId: expect.any(String) });
    expect(await countRows(server.database.db, 'cases')).toBe(before);
  });

  it('adds to the named case only when it is the same person; a stranger gets a case of their own', async () => {
    const first = (await (await postForm(server.url, form({ email: 'owner@example.org' }))).json()) as {
      caseId: string;
    };
    const follow = await postForm(
      server.url,
      form({ email: 'OWNER@example.org', caseId: first.caseId, message: 'More detail' }),
    );
    expect(((await follow.json()) as { caseId: string }).caseId).toBe(first.caseId);

    const stranger = await postForm(
      server.url,
      form({ email: 'mallory@evil.example', caseId: first.caseId, message: 'I write on your case' }),
    );
    expect(stranger.status).toBe(201);
    expect(((await stranger.json()) as { caseId: string }).caseId).not.toBe(first.caseId);
    const onTheirs = await postForm(
      server.url,
      form({ email: 'mallory@evil.example', caseId: ORG.cases.en }),
    );
    expect(((await onTheirs.json()) as { caseId: string }).caseId).not.toBe(ORG.cases.en);

    const kase = await caseDetail(first.caseId);
    expect(kase.messages.map((m) => m.bodyText)).toEqual([
      'The export button does nothing.\nPlease help.',
      'More detail',
    ]);
    expect((await caseDetail(ORG.cases.en)).messages).toEqual([]);
    // The customer's own address may write on their case.
    const jane = await postForm(
      server.url,
      form({ email: 'jane.roe@acme.com', caseId: ORG.cases.en, message: 'Jane here' }),
    );
    expect(((await jane.json()) as { caseId: string }).caseId).toBe(ORG.cases.en);
  });

  it('limits submissions per address with 429, bad ones included', async () => {
    // Every post in this file came from 127.0.0.1 within the minute; keep going past the limit.
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await postForm(server.url, { junk: true })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
    const limited = await postForm(server.url, form());
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('is in the API description', async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { post?: unknown }>;
    };
    expect(doc.paths['/api/v1/channels/web/forms']?.post).toBeDefined();
  });
});
