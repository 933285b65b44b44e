import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import type { Contact, RoutingDecision } from '../../../src-shared/protocol/contacts';
import type { Agent } from '../../../src-shared/protocol/entities';
import type { AgentWithWork } from '../../../src-shared/protocol/http';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { fireDueDeadlines } from '../../../src-server/routing/deadlines';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';

describe.each(KINDS)('a contact from queue to close on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket, ben: Socket, sofia: Socket;
  let anaSees: Map<string, Contact>;

  const contactOnServer = async (id: string) => {
    const res = await fetch(`${server.url}/api/v1/contacts/${id}`, {
      headers: { authorization: `Bearer ${(await server.login('sofia')).token}` },
    });
    return (await res.json()).contact as Contact & {
      decisions: { outcome: string; agentId: string | null }[];
    };
  };
  const agentOnServer = async (id: string) => {
    const res = await fetch(`${server.url}/api/v1/agents`, {
      headers: { authorization: `Bearer ${(await server.login('sofia')).token}` },
    });
    return ((await res.json()).agents as AgentWithWork[]).find((a) => a.id === id)!;
  };

  beforeAll(async () => {
    ana = await server.connect('ana');
    ben = await server.connect('ben');
    sofia = await server.connect('sofia');
    anaSees = watchContacts(ana);
  });
  beforeEach(async () => {
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await runCommand(ben, 'agent:set-state', { state: 'offline' });
    // Each case starts with an empty queue: what an earlier case left open is closed.
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null where status <> 'closed'`,
    );
  });

  it('is offered to the available agent, accepted, ended, wrapped up and closed; the agent follows', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en, customerId: ORG.customers.jane });
    expect(created.status).toBe('queued');

    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer on ana’s socket');
    const offer = anaSees.get(created.id)!;
    expect(offer.agentId).toBe(ORG.users.ana.id);
    expect(Date.parse(offer.offerExpiresAt!) - Date.now()).toBeGreaterThan(10_000);
    expect(offer.reasons).toContain('chosen');

    const accepted = await runCommand<{ entity: Contact }>(ana, 'contact:accept', { contactId: created.id });
    expect(accepted.ok && accepted.data.entity.status).toBe('active');
    expect(await agentOnServer(ORG.users.ana.id)).toMatchObject({
      state: 'busy',
      work: [{ contactId: created.id, channel: 'phone', status: 'active' }],
    });

    const ended = await runCommand<{ entity: Contact }>(ana, 'contact:end', { contactId: created.id });
    expect(ended.ok && ended.data.entity.status).toBe('wrap_up');
    expect((await agentOnServer(ORG.users.ana.id)).state).toBe('wrap_up');

    const closed = await runCommand<{ entity: Contact }>(ana, 'contact:complete-wrap-up', {
      contactId: created.id,
    });
    expect(closed.ok && closed.data.entity.status).toBe('closed');
    const anaNow = await agentOnServer(ORG.users.ana.id);
    expect(anaNow.state).toBe('available');
    expect(Date.parse(anaNow.idleSince)).toBeGreaterThan(Date.parse(created.createdAt));

    const detail = await contactOnServer(created.id);
    expect(detail).toMatchObject({ status: 'closed', agentId: ORG.users.ana.id });
    expect(detail.decisions[0]).toMatchObject({ outcome: 'offered', agentId: ORG.users.ana.id });
  });

  it('answers an Accept retried while its original still runs as the original did, accepted once', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer to ana');
    const commandId = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => runCommand(ana, 'contact:accept', { contactId: created.id }, { commandId })),
    );
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const result = await server.database.db.execute(
      sql`select count(*)::int as n from events where entity_id = ${created.id} and payload->>'status' = 'active'`,
    );
    expect((result as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it('a declined offer keeps its place and goes to the next agent; the decliner is not offered it again', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer to ana');
    await runCommand(ben, 'agent:set-state', { state: 'available' });

    const declined = await runCommand<{ entity: Contact }>(ana, 'contact:decline', { contactId: created.id });
    expect(declined.ok && declined.data.entity.queuedAt).toBe(created.queuedAt);
    await eventually(() => anaSees.get(created.id)?.agentId === ORG.users.ben.id, 5000, 'the offer to ben');
    expect(anaSees.get(created.id)).toMatchObject({ status: 'offered', declinedBy: [ORG.users.ana.id] });
  });

  it('refuses work that is not yours, unknown contacts and people who are not agents', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer to ana');

    const stolen = await runCommand(ben, 'contact:accept', { contactId: created.id });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const unknown = await runCommand(ana, 'contact:accept', { contactId: 'con_nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bySupervisor = await runCommand(sofia, 'contact:accept', { contactId: created.id });
    expect(bySupervisor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const malformed = await runCommand(ana, 'contact:accept', { contact: created.id });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const byAgent = await runCommand(ana, 'contact:create', {
      contactId: crypto.randomUUID(),
      channel: 'phone',
      queueId: ORG.queues.en,
      from: '+1',
    });
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrongChannel = await runCommand(sofia, 'contact:create', {
      contactId: crypto.randomUUID(),
      channel: 'chat',
      queueId: ORG.queues.en,
      from: 'Visitor',
    });
    expect(wrongChannel).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const unknownQueue = await runCommand(sofia, 'contact:create', {
      contactId: crypto.randomUUID(),
      channel: 'phone',
      queueId: 'q_nope',
      from: '+1',
    });
    expect(unknownQueue).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sameId = await runCommand(sofia, 'contact:create', {
      contactId: created.id,
      channel: 'phone',
      queueId: ORG.queues.es,
      from: '+1',
    });
    expect(sameId).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A contact without a language of its own (or a customer's) speaks its queue's.
    expect((await createContact(sofia, { queueId: ORG.queues.es })).language).toBe('es');

    expect(await contactOnServer(created.id)).toMatchObject({ status: 'offered', agentId: ORG.users.ana.id });
  });

  it('an offer nobody answers times out back to the queue; three in a row set the agent Away "missed"', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const later = (s: number) => new Date(Date.now() + s * 1000);
    for (let missed = 1; missed <= 3; missed++) {
      const created = await createContact(sofia, { queueId: ORG.queues.en });
      await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, `offer ${missed}`);
      await server.app.routing.stop(); // the deadline below fires by hand, far in the future
      await fireDueDeadlines(server.database.db, later(60));
      server.app.routing.start();
      const after = await contactOnServer(created.id);
      expect(after.declinedBy).toContain(ORG.users.ana.id);
      // The caller hangs up, so the next offer is a new contact (not this one again).
      await server.database.db.execute(
        sql`update contacts set status = 'abandoned' where id = ${created.id}`,
      );
      const anaState = await agentOnServer(ORG.users.ana.id);
      if (missed < 3) expect(anaState).toMatchObject({ state: 'available', missedOffers: missed });
      else expect(anaState).toMatchObject({ state: 'away', reasonCode: 'missed', missedOffers: 0 });
    }
  });

  it('after-contact work ends by itself at the queue’s maximum', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer');
    await runCommand(ana, 'contact:accept', { contactId: created.id });
    await runCommand(ana, 'contact:end', { contactId: created.id });
    await fireDueDeadlines(server.database.db, new Date(Date.now() + 3600_000));
    expect(await contactOnServer(created.id)).toMatchObject({ status: 'closed', disposition: null });
    expect((await agentOnServer(ORG.users.ana.id)).state).toBe('available');
  });

  it('offers work that needs a skill only to an agent with it at the queue’s level, and says why not the others', async () => {
    const { db } = server.database;
    const [anaId, benId] = [ORG.users.ana.id, ORG.users.ben.id];
    await db.execute(sql`insert into skills (id, kind, name) values ('skill_billing', 'product', 'Billing')`);
    await db.execute(sql`insert into agent_skills (user_id, skill_id, proficiency)
      values (${anaId}, 'skill_billing', 2), (${benId}, 'skill_billing', 4)`);
    await db.execute(sql`update queues set routing = routing
      || '{"requiredSkills": [{"skillId": "skill_billing", "minProficiency": 3}]}'::jsonb where id = ${ORG.queues.en}`);
    try {
      // Ana has waited longest, so without the skill rule the call would be hers.
      const ready = await runCommand<{ entity: Agent }>(ana, 'agent:set-state', { state: 'available' });
      // Her console (and every supervisor's) learns her skills with her state.
      expect(ready.ok && ready.data.entity.routing.skills).toEqual([
        { skillId: 'skill_billing', proficiency: 2 },
      ]);
      await runCommand(ben, 'agent:set-state', { state: 'available' });
      const created = await createContact(sofia, { queueId: ORG.queues.en });
      await eventually(
        async () => (await contactOnServer(created.id)).status === 'offered',
        5000,
        'the offer',
      );

      const { agentId, decisions } = await contactOnServer(created.id);
      expect(agentId).toBe(benId);
      const candidates = (decisions as unknown as RoutingDecision[])[0]?.candidates ?? [];
      expect(candidates.find((c) => c.agentId === benId)).toMatchObject({ eligible: true, skillScore: 4 });
      expect(candidates.find((c) => c.agentId === anaId)).toMatchObject({
        eligible: false,
        skillScore: 2,
        reasons: ['skill_too_low'],
      });
    } finally {
      await db.execute(
        sql`update queues set routing = routing - 'requiredSkills' where id = ${ORG.queues.en}`,
      );
      await db.execute(sql`delete from agent_skills where skill_id = 'skill_billing'`);
      await db.execute(sql`delete from skills where id = 'skill_billing'`);
    }
  });

  it('going Away withdraws an open offer at once', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const created = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(created.id)?.status === 'offered', 5000, 'the offer');
    await runCommand(ana, 'agent:set-state', { state: 'away', reasonCode: 'lunch' });
    expect(await contactOnServer(created.id)).toMatchObject({ status: 'queued', agentId: null });
  });

  it('warns supervisors within seconds when a queue has work and nobody logged in', async () => {
    const alerts: SyncEvent[] = [];
    sofia.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => e.type === 'alert.changed' && alerts.push(e));
    await createContact(sofia, { queueId: ORG.queues.es, from: '+34612345678' });
    await eventually(
      () =>
        alerts.some(
          (e) => e.type === 'alert.changed' && e.payload.queueId === ORG.queues.es && e.payload.active,
        ),
      5000,
      'the nobody-logged-in alert',
    );
    const rows = await server.database.db.execute(
      sql`select count(*)::int as n from queue_alerts where active`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
