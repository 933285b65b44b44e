import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { customers } from '../../../src-server/db/schema';
import type { CallerCandidate } from '../../../src-shared/protocol/caller-identity';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { hasPostgres } from '../support/services';
import { eventually, startOnOwnDatabase, type DatabaseKind, type TestServer } from '../support/test-server';
import { CTI_SECRET, postCti } from '../channels/phone-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

describe.each(kinds)('who is calling: picker, quick create and the remembered choice on %s', (kind) => {
  let server: TestServer;
  let ana: Socket;
  let anaSees: Map<string, Contact>;
  let anaToken: string;
  let callNumber = 0;

  /** A call offered by the phone system, then offered to Ana; returns the contact as she sees it. */
  async function callReachingAna(from: string): Promise<Contact> {
    const callId = `pop-${kind}-${Date.now()}-${++callNumber}`;
    const answer = await postCti(server.url, { callId, event: 'call.offered', from, to: '+18005550100' });
    expect(answer.status).toBe(200);
    const contactId = String(answer.body.contactId);
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer to ana');
    return anaSees.get(contactId)!;
  }
  async function candidatesOf(contactId: string): Promise<CallerCandidate[]> {
    const res = await fetch(`${server.url}/api/v1/contacts/${contactId}/candidates`, {
      headers: { authorization: `Bearer ${anaToken}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { candidates: CallerCandidate[] }).candidates;
  }
  const identify = (payload: Record<string, unknown>) =>
    runCommand<{ entity: Contact }>(ana, 'contact:identify', payload);
  const quick = (extra: Record<string, unknown> = {}) => ({
    customerId: randomUUID(),
    name: 'Max Power',
    phone: '415 555 0199',
    company: 'acme corp',
    ...extra,
  });

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind, { env: { AGENTDECK_CTI_SECRET: CTI_SECRET } });
    ana = await server.connect('ana');
    anaSees = watchContacts(ana);
    anaToken = (await server.login('ana')).token;
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await runCommand(ana, 'agent:set-state', { state: 'available' });
  });

  it('an unknown caller: no candidates, a quick create, and the next call from the number pops them', async () => {
    const first = await callReachingAna('(415) 555-0199');
    expect(first.customerId).toBeNull();
    expect(await candidatesOf(first.id)).toEqual([]);

    const newCustomer = quick();
    const ack = await identify({ contactId: first.id, newCustomer });
    expect(ack.ok).toBe(true);
    await eventually(
      () => anaSees.get(first.id)?.customerId === newCustomer.customerId,
      5000,
      'the identified contact',
    );
    const [stored] = await server.database.db
      .select()
      .from(customers)
      .where(sql`${customers.id} = ${newCustomer.customerId}`);
    // Stored in E.164 with the company found by name, whatever case the agent typed it in.
    expect(stored).toMatchObject({ name: 'Max Power', phone: '+14155550199', companyId: 'cmp_acme' });

    await runCommand(ana, 'contact:decline', { contactId: first.id });
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const next = await callReachingAna('+1 415-555-0199');
    expect(next.customerId).toBe(newCustomer.customerId);
  });

  it('refuses a duplicate or junk quick create, naming what is wrong, and creates nothing', async () => {
    const call = await callReachingAna('(415) 555-0177');
    const before = await countCustomers();
    const sameEmail = await identify({
      contactId: call.id,
      newCustomer: quick({ name: 'J. Roe', email: 'JANE.ROE@acme.com', phone: '' }),
    });
    expect(sameEmail).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!sameEmail.ok && sameEmail.error.message).toMatch(/Jane Roe/);
    const junkPhone = await identify({ contactId: call.id, newCustomer: quick({ phone: 'hello world' }) });
    expect(junkPhone).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!junkPhone.ok && junkPhone.error.message).toMatch(/newCustomer\.phone/);
    const both = await identify({ contactId: call.id, customerId: ORG.customers.jane, newCustomer: quick() });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const nobody = await identify({ contactId: call.id, customerId: 'cus_nobody' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const notMine = await identify({ contactId: 'con_not_there', customerId: ORG.customers.jane });
    expect(notMine).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await countCustomers()).toBe(before);
    expect(anaSees.get(call.id)?.customerId).toBeNull();
  });

  it('a shared number: every candidate, last in touch first; the choice pops them on the next call', async () => {
    await server.database.db
      .insert(customers)
      .values({
        id: 'cus_front_desk',
        companyId: 'cmp_acme',
        name: 'Acme Front Desk',
        email: 'desk@acme.com',
        phone: '+14155550134',
        language: 'en',
      })
      .onConflictDoNothing();
    const first = await callReachingAna('415 555 0134');
    expect(first.customerId).toBeNull();
    const candidates = await candidatesOf(first.id);
    expect(candidates.map((c) => c.id).sort()).toEqual(['cus_front_desk', ORG.customers.jane].sort());
    const lastContacts = candidates.map((c) => c.lastContactAt ?? '');
    expect(lastContacts).toEqual([...lastContacts].sort().reverse());

    expect((await identify({ contactId: first.id, customerId: 'cus_front_desk' })).ok).toBe(true);
    await runCommand(ana, 'contact:decline', { contactId: first.id });
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const next = await callReachingAna('(415) 555-0134');
    expect(next.customerId).toBe('cus_front_desk');
    // The picker still offers both, the one chosen last now first.
    expect((await candidatesOf(next.id))[0]?.id).toBe('cus_front_desk');
  });

  async function countCustomers(): Promise<number> {
    const result = await server.database.db.execute(sql`select count(*)::int as n from customers`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  }
});
