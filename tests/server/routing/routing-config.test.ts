import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';
import type { SinceResponse } from '../../../src-shared/protocol/sync';
import { queues } from '../../../src-server/db/schema';
import { DEFAULT_QUEUE_ROUTING } from '../../../src-server/db/stored-routing';
import { runRoutingPass } from '../../../src-server/routing/routing-pass';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { eventually, request, startTestServer, type TestServer } from '../support/test-server';

const INSIDE_SALES = 'q_inside_sales';

describe('routing rules and their configuration', () => {
  let server: TestServer;
  let ana: Socket, eva: Socket, sofia: Socket, admin: Socket;
  let anaSees: Map<string, Contact>;

  const getJson = async (path: string, user: 'sofia' | 'eva' | 'ana') => {
    const res = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${(await server.login(user)).token}` },
    });
    return { status: res.status, body: await res.json() };
  };
  const queueEn = async () =>
    ((await getJson('/api/v1/queues', 'sofia')).body.queues as Queue[]).find((q) => q.id === ORG.queues.en)!;

  beforeAll(async () => {
    server = await startTestServer();
    await server.database.db.insert(queues).values({
      id: INSIDE_SALES,
      name: 'Inside Sales',
      teamId: ORG.teams.en,
      language: 'en',
      tier: 1,
      channels: ['phone', 'email'],
    });
    ana = await server.connect('ana');
    eva = await server.connect('eva');
    sofia = await server.connect('sofia');
    admin = await server.connect('admin');
    anaSees = watchContacts(ana);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(sql`update contacts set status = 'closed', agent_id = null`);
  });

  it('sends a customer whose maintenance contract expired to Inside Sales, with the reason', async () => {
    const contact = await createContact(sofia, {
      queueId: ORG.queues.es,
      customerId: ORG.customers.jose,
      from: '+34612345678',
    });
    expect(contact).toMatchObject({ queueId: INSIDE_SALES, reasons: ['contract_expired_inside_sales'] });
    expect(contact.language).toBe('es');
  });

  it('shows agents only their queues’ contacts, supervisors all', async () => {
    const en = await createContact(sofia, { queueId: ORG.queues.en });
    const es = await createContact(sofia, { queueId: ORG.queues.es, from: '+34600000000' });
    const ids = (body: { contacts: Contact[] }) => body.contacts.map((c) => c.id);
    expect(ids((await getJson('/api/v1/contacts?status=queued', 'sofia')).body)).toEqual(
      expect.arrayContaining([en.id, es.id]),
    );
    const evaSees = ids((await getJson('/api/v1/contacts', 'eva')).body);
    expect(evaSees).toContain(es.id);
    expect(evaSees).not.toContain(en.id);
    expect((await getJson(`/api/v1/contacts/${en.id}`, 'eva')).status).toBe(404);
    expect((await getJson('/api/v1/contacts?status=bogus', 'sofia')).status).toBe(400);

    const snapshot = await request<SinceResponse>(eva, 'sync:since', { lastSyncId: 0 });
    expect(snapshot.ok && snapshot.data.snapshot?.contacts.map((c) => c.id)).toEqual([es.id]);
  });

  it('an admin’s queue change takes effect on the next pass: a closed queue holds calls, emails still go', async () => {
    const current = await queueEn();
    // Open one minute a week, three days from now: closed whenever this test runs.
    const closedAllWeek = {
      ...DEFAULT_QUEUE_ROUTING,
      businessHours: {
        timeZone: 'UTC',
        weekly: [{ day: (new Date().getUTCDay() + 3) % 7, open: '00:00', close: '00:01' }],
        holidays: [],
      },
      dispositions: ['resolved'],
    };
    const refused = await runCommand(ana, 'queue:save-routing', {
      queueId: ORG.queues.en,
      channels: ['phone', 'email'],
      routing: closedAllWeek,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stale = await runCommand(
      admin,
      'queue:save-routing',
      { queueId: ORG.queues.en, channels: ['phone', 'email'], routing: closedAllWeek },
      { expectedVersion: current.version - 1 },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const saved = await runCommand(
      admin,
      'queue:save-routing',
      { queueId: ORG.queues.en, channels: ['phone', 'email'], routing: closedAllWeek },
      { expectedVersion: current.version },
    );
    expect(saved.ok).toBe(true);
    expect((await queueEn()).routing.dispositions).toEqual(['resolved']);

    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    const email = await createContact(sofia, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'jane@acme.com',
    });
    await eventually(() => anaSees.get(email.id)?.status === 'offered', 5000, 'the email offered');
    const waiting = (await getJson(`/api/v1/contacts/${call.id}`, 'sofia')).body.contact as Contact;
    expect(waiting.status).toBe('queued');
    expect(waiting.reasons).toContain('queue_closed');

    // Wrap-up now needs one of the queue's dispositions.
    await runCommand(ana, 'contact:accept', { contactId: email.id });
    await runCommand(ana, 'contact:end', { contactId: email.id });
    const without = await runCommand(ana, 'contact:complete-wrap-up', { contactId: email.id });
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const unknown = await runCommand(ana, 'contact:complete-wrap-up', {
      contactId: email.id,
      disposition: 'lol',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const done = await runCommand(ana, 'contact:complete-wrap-up', {
      contactId: email.id,
      disposition: 'resolved',
    });
    expect(done.ok).toBe(true);

    await runCommand(admin, 'queue:save-routing', {
      queueId: ORG.queues.en,
      channels: ['phone', 'email'],
      routing: DEFAULT_QUEUE_ROUTING,
    });
  });

  it('an agent with no chat capacity is not offered chats; the admin’s change applies without a restart', async () => {
    await runCommand(admin, 'queue:save-routing', {
      queueId: ORG.queues.en,
      channels: ['phone', 'email', 'chat'],
      routing: DEFAULT_QUEUE_ROUTING,
    });
    const noChat = { phone: 1, email: 5, web: 5, chat: 0, callback: 1 };
    const saved = await runCommand(admin, 'agent:save-routing', {
      agentId: ORG.users.ana.id,
      languages: ['en'],
      tier: 1,
      routing: { skills: [], capacity: noChat },
    });
    expect(saved.ok).toBe(true);
    const badSkill = await runCommand(admin, 'agent:save-routing', {
      agentId: ORG.users.ana.id,
      languages: ['en'],
      tier: 1,
      routing: { skills: [{ skillId: 'skill_nope', proficiency: 3 }], capacity: noChat },
    });
    expect(badSkill).toMatchObject({ ok: false, error: { code: 'invalid' } });

    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const chat = await createContact(sofia, { queueId: ORG.queues.en, channel: 'chat', from: 'Visitor 7' });
    await server.app.routing.runOnce();
    const waiting = (await getJson(`/api/v1/contacts/${chat.id}`, 'sofia')).body.contact as Contact & {
      decisions: { candidates: { agentId: string; reasons: string[] }[] }[];
    };
    expect(waiting.status).toBe('queued');
    const anaCandidate = waiting.decisions[0]?.candidates.find((c) => c.agentId === ORG.users.ana.id);
    expect(anaCandidate?.reasons).toContain('channel_not_served');

    await runCommand(admin, 'agent:save-routing', {
      agentId: ORG.users.ana.id,
      languages: ['en'],
      tier: 1,
      routing: { skills: [], capacity: { ...noChat, chat: 3 } },
    });
    await eventually(
      () => anaSees.get(chat.id)?.status === 'offered',
      5000,
      'the chat offered after the change',
    );
  });

  it('a contact waiting past the overflow threshold widens to other teams, and the decision says so', async () => {
    const evaSees = watchContacts(eva);
    await runCommand(admin, 'agent:save-routing', {
      agentId: ORG.users.eva.id,
      languages: ['es', 'en'],
      tier: 1,
      routing: { skills: [], capacity: { phone: 1, email: 5, web: 5, chat: 3, callback: 1 } },
    });
    await runCommand(eva, 'agent:set-state', { state: 'available' });
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    await server.app.routing.runOnce();
    expect(evaSees.get(call.id)?.status).not.toBe('offered');

    await server.app.routing.stop();
    const later = new Date(Date.now() + 2 * DEFAULT_QUEUE_ROUTING.overflowAfterSeconds * 1000 + 5000);
    const pass = await runRoutingPass(server.database.db, later);
    server.app.routing.start();
    expect(pass.offers).toBe(1);
    const detail = (await getJson(`/api/v1/contacts/${call.id}`, 'sofia')).body.contact as Contact & {
      decisions: { outcome: string; agentId: string | null; reasons: string[] }[];
    };
    expect(detail).toMatchObject({ status: 'offered', agentId: ORG.users.eva.id, overflowLevel: 2 });
    expect(detail.decisions[0]).toMatchObject({ outcome: 'overflowed', agentId: ORG.users.eva.id });
    expect(detail.decisions[0]?.reasons).toContain('overflow_widened');
    await runCommand(eva, 'agent:set-state', { state: 'offline' });
  });
});
