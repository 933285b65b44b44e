import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { outboundJobs } from '../../../src-server/db/schema';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { AgentWithWork } from '../../../src-shared/protocol/http';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { CTI_SECRET, contactById, countRows, postCti, setQueueClosed, signCti } from './phone-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

describe.each(kinds)('the generic CTI webhook on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let ana: Socket;
  let anaSees: Map<string, Contact>;
  let sofiaToken: string;
  let callNumber = 0;
  const newCallId = () => `call-${kind}-${Date.now()}-${++callNumber}`;
  const offered = (callId: string, extra: Record<string, unknown> = {}) => ({
    callId,
    event: 'call.offered',
    from: '(415) 555-0134',
    to: '+18005550100',
    ...extra,
  });
  const callEvent = (callId: string, event: string, to = '+18005550100') => ({
    callId,
    event,
    from: '+14155550134',
    to,
  });
  const agent = async (id: string) => {
    const res = await fetch(`${server.url}/api/v1/agents`, {
      headers: { authorization: `Bearer ${sofiaToken}` },
    });
    return ((await res.json()) as { agents: AgentWithWork[] }).agents.find((a) => a.id === id)!;
  };

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({ kind, databaseUrl: pg?.url, env: { AGENTDECK_CTI_SECRET: CTI_SECRET } });
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
    await setQueueClosed(server.database.db, ORG.queues.en, false);
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const before = [
      await countRows(server.database.db, 'contacts'),
      await countRows(server.database.db, 'webhook_receipts'),
    ];
    const event = offered(newCallId());
    expect((await postCti(server.url, event, { signature: null })).status).toBe(401);
    expect((await postCti(server.url, event, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await postCti(server.url, event, { signature: 'sha256=zz' })).status).toBe(401);
    // Signed, then changed on the way: the signature no longer covers these bytes.
    const signature = signCti(JSON.stringify(event));
    const tampered = await postCti(server.url, { ...event, from: '+34612345678' }, { signature });
    expect(tampered).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    const after = [
      await countRows(server.database.db, 'contacts'),
      await countRows(server.database.db, 'webhook_receipts'),
    ];
    expect(after).toEqual(before);
  });

  it('refuses malformed JSON and bodies that are not CTI events with 400', async () => {
    const before = await countRows(server.database.db, 'contacts');
    expect((await postCti(server.url, '{"callId": "x", ')).status).toBe(400);
    expect((await postCti(server.url, { ...offered(newCallId()), event: 'call.exploded' })).status).toBe(400);
    expect((await postCti(server.url, { event: 'call.offered', from: '1', to: '2' })).status).toBe(400);
    expect((await postCti(server.url, '[]')).body).toMatchObject({ error: { code: 'invalid' } });
    expect(await countRows(server.database.db, 'contacts')).toBe(before);
  });

  it('call.offered pops the caller matched by number and reaches a real agent socket as an offer', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const answer = await postCti(server.url, offered(newCallId()));
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'queued', queueId: ORG.queues.en, queueOpen: true },
    });
    const contactId = answer.body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer on ana’s socket');
    expect(anaSees.get(contactId)).toMatchObject({
      channel: 'phone',
      provider: 'cti',
      from: '+14155550134',
      customerId: ORG.customers.jane,
      agentId: ORG.users.ana.id,
    });
  });

  it('keeps what the caller keyed into the IVR: customer, case and language, shown on the contact', async () => {
    const ivr = { customerId: ORG.customers.jose, caseId: ORG.cases.es, language: 'es' };
    const answer = await postCti(server.url, offered(newCallId(), { from: '+1 202 555 0199', ivr }));
    expect(answer.status).toBe(200);
    const contact = await contactById(server.url, sofiaToken, answer.body.contactId as string);
    expect(contact).toMatchObject({
      ivr,
      customerId: ORG.customers.jose,
      caseId: ORG.cases.es,
      language: 'es',
      queueId: ORG.queues.es,
      from: '+12025550199',
    });
  });

  it('an unknown IVR customer falls back to the number; an unknown case is left out', async () => {
    const ivr = { customerId: 'cus_nobody', caseId: 'case_nope' };
    const answer = await postCti(server.url, offered(newCallId(), { ivr }));
    const contact = await contactById(server.url, sofiaToken, answer.body.contactId as string);
    expect(contact).toMatchObject({ ivr, customerId: ORG.customers.jane, caseId: null });
  });

  it('answered, held, resumed and ended drive the call to wrap-up; the agent follows', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const callId = newCallId();
    const contactId = (await postCti(server.url, offered(callId))).body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer');

    expect((await postCti(server.url, callEvent(callId, 'call.answered'))).body).toMatchObject({
      status: 'active',
    });
    await eventually(() => anaSees.get(contactId)?.status === 'active', 5000, 'active on ana’s socket');
    expect((await agent(ORG.users.ana.id)).state).toBe('busy');

    await postCti(server.url, callEvent(callId, 'call.held'));
    await eventually(() => anaSees.get(contactId)?.heldAt !== null, 5000, 'the hold');
    await postCti(server.url, callEvent(callId, 'call.resumed'));
    await eventually(() => anaSees.get(contactId)?.heldAt === null, 5000, 'the resume');

    expect((await postCti(server.url, callEvent(callId, 'call.ended'))).body).toMatchObject({
      status: 'wrap_up',
    });
    await eventually(() => anaSees.get(contactId)?.status === 'wrap_up', 5000, 'wrap-up on ana’s socket');
    expect((await agent(ORG.users.ana.id)).state).toBe('wrap_up');
  });

  it('call.transferred moves the call to the queue named in `to`, freeing the agent; else it re-queues', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const callId = newCallId();
    const contactId = (await postCti(server.url, offered(callId))).body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer');
    await postCti(server.url, callEvent(callId, 'call.answered'));

    const moved = await postCti(server.url, callEvent(callId, 'call.transferred', ORG.queues.es));
    expect(moved.body).toMatchObject({ status: 'queued', queueId: ORG.queues.es });
    const contact = await contactById(server.url, sofiaToken, contactId);
    expect(contact).toMatchObject({ agentId: null, transfers: 1 });
    expect((await agent(ORG.users.ana.id)).state).toBe('available');

    const back = await postCti(server.url, callEvent(callId, 'call.transferred', '+18005550111'));
    expect(back.body).toMatchObject({ status: 'queued', queueId: ORG.queues.es });
    expect((await contactById(server.url, sofiaToken, contactId)).transfers).toBe(2);
  });

  it('call.abandoned withdraws the offer and frees the agent', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const callId = newCallId();
    const contactId = (await postCti(server.url, offered(callId))).body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer');

    expect((await postCti(server.url, callEvent(callId, 'call.abandoned'))).body).toMatchObject({
      status: 'abandoned',
    });
    await eventually(
      () => anaSees.get(contactId)?.status === 'abandoned',
      5000,
      'the withdrawal on ana’s socket',
    );
    expect(anaSees.get(contactId)?.agentId).toBeNull();
    expect(await agent(ORG.users.ana.id)).toMatchObject({ state: 'available', work: [] });
  });

  it('without AGENTDECK_CTI_CALLBACK_URL, a console Accept still works and its call control is done unsent', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const contactId = (await postCti(server.url, offered(newCallId()))).body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer');
    expect((await runCommand(ana, 'contact:accept', { contactId })).ok).toBe(true);
    const jobs = async () =>
      server.database.db
        .select()
        .from(outboundJobs)
        .where(sql`${outboundJobs.payload}->>'contactId' = ${contactId}`);
    await expect.poll(async () => (await jobs())[0]?.status, { timeout: 5000 }).toBe('done');
    expect(await jobs()).toMatchObject([{ kind: 'call_control', attempts: 1, lastError: null }]);
  });

  it('a replayed delivery answers the first result and changes nothing', async () => {
    const body = JSON.stringify(offered(newCallId()));
    const first = await postCti(server.url, body);
    const contacts = await countRows(server.database.db, 'contacts');
    const receipts = await countRows(server.database.db, 'webhook_receipts');
    const again = await postCti(server.url, body);
    expect(again).toEqual(first);
    expect(await countRows(server.database.db, 'contacts')).toBe(contacts);
    expect(await countRows(server.database.db, 'webhook_receipts')).toBe(receipts);
  });

  it('answers 404 with a reason for an event about a call it never saw', async () => {
    const answer = await postCti(server.url, callEvent('call-never-offered', 'call.answered'));
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(String((answer.body.error as { message: string }).message)).toContain('call.offered');
  });

  it('a call to a closed queue is still taken, waits, and the answer says when the queue opens', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    await setQueueClosed(server.database.db, ORG.queues.en, true);
    const answer = await postCti(server.url, offered(newCallId()));
    expect(answer).toMatchObject({ status: 200, body: { status: 'queued', queueOpen: false } });
    expect(Date.parse(answer.body.opensAt as string)).toBeGreaterThan(Date.now());
    const contact = await contactById(server.url, sofiaToken, answer.body.contactId as string);
    expect(contact.status).toBe('queued');
  });
});

describe('the CTI webhook without a configured secret', () => {
  it('answers 503 outside demo mode, and takes the demo secret in demo mode', async () => {
    const production = await startTestServer({ env: { AGENTDECK_DEMO_SEED: '0' } });
    const demo = await startTestServer({ env: { AGENTDECK_DEMO_SEED: '1' } });
    try {
      const event = { callId: 'demo-1', event: 'call.offered', from: '+14155550134', to: '+18005550100' };
      expect((await postCti(production.url, event)).status).toBe(503);
      expect((await postCti(demo.url, event)).status).toBe(401);
      const accepted = await postCti(demo.url, event, { secret: 'agentdeck-demo-cti-secret' });
      expect(accepted).toMatchObject({ status: 200, body: { status: 'queued' } });
    } finally {
      await production.close();
      await demo.close();
    }
  });
});
