import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ctiSignature, nowSeconds } from '../../../scripts/simulate/cti-signing';
import { and, eq, sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { contacts, outboundJobs } from '../../../src-server/db/schema';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { startFakePhoneSystem, type FakePhoneSystem, type ReceivedRequest } from './fake-phone-system';
import { CTI_SECRET, postCti } from './phone-support';
import { PUBLIC_URL, TWILIO_TOKEN, VOICE_PATH, postTwilio } from './twilio-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const ACCOUNT_SID = 'ACtest0123';

describe.each(kinds)('call controls from the console reach the phone system on %s', (kind) => {
  let server: TestServer;
  let phone: FakePhoneSystem;
  let drop: (() => Promise<void>) | undefined;
  let ana: Socket, ben: Socket, sofia: Socket;
  let anaSees: Map<string, Contact>;
  let sequence = 0;

  const ctiRequests = () => phone.received.filter((r) => r.url === '/cti');
  const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body) as Record<string, unknown>;
  const nextCtiRequest = async (count: number) => {
    await eventually(() => ctiRequests().length >= count, 5000, `call control #${count} at the phone system`);
    return ctiRequests()[count - 1]!;
  };
  /** A CTI call offered and accepted by ana; answers its contact id and call id. */
  const anaOnCtiCall = async () => {
    const callId = `cc-${kind}-${Date.now()}-${++sequence}`;
    const answer = await postCti(server.url, {
      callId,
      event: 'call.offered',
      from: '+14155550134',
      to: '+18005550100',
    });
    const contactId = answer.body.contactId as string;
    await eventually(() => anaSees.get(contactId)?.status === 'offered', 5000, 'the offer to ana');
    expect((await runCommand(ana, 'contact:accept', { contactId })).ok).toBe(true);
    return { contactId, callId };
  };
  const jobsOf = (contactId: string) =>
    server.database.db
      .select()
      .from(outboundJobs)
      .where(
        and(eq(outboundJobs.kind, 'call_control'), sql`${outboundJobs.payload}->>'contactId' = ${contactId}`),
      );

  beforeAll(async () => {
    phone = await startFakePhoneSystem();
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: {
        AGENTDECK_CTI_SECRET: CTI_SECRET,
        AGENTDECK_CTI_CALLBACK_URL: `${phone.url}/cti`,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_API_URL: phone.url,
        AGENTDECK_PUBLIC_URL: PUBLIC_URL,
      },
    });
    ana = await server.connect('ana');
    ben = await server.connect('ben');
    sofia = await server.connect('sofia');
    anaSees = watchContacts(ana);
  });
  afterAll(async () => {
    await server?.close();
    await phone?.close();
    await drop?.();
  });
  beforeEach(async () => {
    await runCommand(ana, 'agent:set-state', { state: 'offline' });
    await runCommand(ben, 'agent:set-state', { state: 'offline' });
    await server.database.db.execute(sql`delete from timers`);
    await server.database.db.execute(
      sql`update contacts set status = 'closed', agent_id = null, held_at = null where status <> 'closed'`,
    );
    phone.received.length = 0;
    await runCommand(ana, 'agent:set-state', { state: 'available' });
  });

  it('answer, hold, resume and transfer reach the generic CTI signed, in the documented shape', async () => {
    const { contactId, callId } = await anaOnCtiCall();
    const answer = await nextCtiRequest(1);
    expect(bodyOf(answer)).toEqual({ callId, action: 'answer', target: { agentId: ORG.users.ana.id } });
    expect(answer.headers['x-agentdeck-signature']).toBe(
      ctiSignature(CTI_SECRET, String(answer.headers['x-agentdeck-timestamp']), answer.body),
    );
    expect(Math.abs(Number(answer.headers['x-agentdeck-timestamp']) - nowSeconds())).toBeLessThan(300);
    expect(answer.headers['content-type']).toBe('application/json');

    const held = await runCommand<{ entity: Contact }>(ana, 'contact:hold', { contactId });
    expect(held.ok && held.data.entity.heldAt).toBeTruthy();
    expect(bodyOf(await nextCtiRequest(2))).toEqual({ callId, action: 'hold' });

    const resumed = await runCommand<{ entity: Contact }>(ana, 'contact:resume', { contactId });
    expect(resumed.ok && resumed.data.entity.heldAt).toBeNull();
    expect(bodyOf(await nextCtiRequest(3))).toEqual({
      callId,
      action: 'resume',
      target: { agentId: ORG.users.ana.id },
    });

    const moved = await runCommand<{ entity: Contact }>(ana, 'contact:transfer', {
      contactId,
      toQueueId: ORG.queues.es,
    });
    expect(moved.ok && moved.data.entity).toMatchObject({
      status: 'queued',
      queueId: ORG.queues.es,
      agentId: null,
    });
    expect(bodyOf(await nextCtiRequest(4))).toEqual({
      callId,
      action: 'transfer',
      target: { queueId: ORG.queues.es },
    });
    for (const request of ctiRequests()) {
      expect(request.headers['x-agentdeck-signature']).toBe(
        ctiSignature(CTI_SECRET, String(request.headers['x-agentdeck-timestamp']), request.body),
      );
    }
  });

  it('end reaches the phone system; a 500 is retried until it is accepted, a 4xx gives up', async () => {
    const { contactId, callId } = await anaOnCtiCall();
    await nextCtiRequest(1);
    phone.answerNext(500);
    expect((await runCommand(ana, 'contact:end', { contactId })).ok).toBe(true);
    expect(bodyOf(await nextCtiRequest(2))).toEqual({ callId, action: 'end' });
    await eventually(() => ctiRequests().length === 2, 5000, 'the failed attempt');
    let endJob = async () =>
      (await jobsOf(contactId)).find((j) => (j.payload as { action: string }).action === 'end')!;
    await expect.poll(async () => (await endJob()).lastError, { timeout: 5000 }).toContain('500');
    expect(await endJob()).toMatchObject({ status: 'pending', attempts: 1 });

    // Its backoff is over (instead of waiting 5 s): the next sweep sends it again.
    await server.database.db
      .update(outboundJobs)
      .set({ nextAttemptAt: new Date() })
      .where(eq(outboundJobs.id, (await endJob()).id));
    await server.app.channels.outbound.runOnce();
    expect(bodyOf(await nextCtiRequest(3))).toEqual({ callId, action: 'end' });
    expect(await endJob()).toMatchObject({ status: 'done', attempts: 2 });

    expect((await runCommand(ana, 'contact:complete-wrap-up', { contactId })).ok).toBe(true);
    const second = await anaOnCtiCall();
    await nextCtiRequest(4);
    phone.answerNext(422);
    expect((await runCommand(ana, 'contact:end', { contactId: second.contactId })).ok).toBe(true);
    await nextCtiRequest(5);
    endJob = async () =>
      (await jobsOf(second.contactId)).find((j) => (j.payload as { action: string }).action === 'end')!;
    await expect.poll(async () => (await endJob()).status, { timeout: 5000 }).toBe('failed');
    expect(await endJob()).toMatchObject({ attempts: 1 });
  });

  it('only the agent on the call or a supervisor controls it; a supervisor transfers it to another agent', async () => {
    const { contactId, callId } = await anaOnCtiCall();
    expect(await runCommand(ben, 'contact:hold', { contactId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await runCommand(ana, 'contact:transfer', { contactId })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await runCommand(ana, 'contact:hold', { contactId: 'con_nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await runCommand(sofia, 'contact:hold', { contactId })).ok).toBe(true);

    const moved = await runCommand<{ entity: Contact }>(sofia, 'contact:transfer', {
      contactId,
      toAgentId: ORG.users.ben.id,
    });
    expect(moved.ok && moved.data.entity).toMatchObject({
      status: 'offered',
      agentId: ORG.users.ben.id,
      heldAt: null,
    });
    await eventually(
      () => ctiRequests().some((r) => bodyOf(r).action === 'transfer'),
      5000,
      'the transfer at the phone system',
    );
    const transfer = ctiRequests().find((r) => bodyOf(r).action === 'transfer')!;
    expect(bodyOf(transfer)).toEqual({ callId, action: 'transfer', target: { agentId: ORG.users.ben.id } });
    expect((await runCommand(ben, 'contact:accept', { contactId })).ok).toBe(true);
  });

  it('Twilio calls are updated through its REST API with basic auth: TwiML for hold, Status=completed to end', async () => {
    const sid = `CA${kind}${Date.now()}`;
    await postTwilio(server.url, VOICE_PATH, {
      CallSid: sid,
      From: '+14155550134',
      To: '+18005550100',
      CallStatus: 'ringing',
    });
    const [row] = await server.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.provider, 'twilio'), eq(contacts.externalId, sid)));
    await eventually(() => anaSees.get(row!.id)?.status === 'offered', 5000, 'the offer to ana');
    expect((await runCommand(ana, 'contact:accept', { contactId: row!.id })).ok).toBe(true);
    expect((await runCommand(ana, 'contact:hold', { contactId: row!.id })).ok).toBe(true);
    expect((await runCommand(ana, 'contact:end', { contactId: row!.id })).ok).toBe(true);

    const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${sid}.json`;
    const twilio = () => phone.received.filter((r) => r.url === path);
    await eventually(() => twilio().length === 3, 5000, 'three call updates at Twilio');
    const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
    for (const request of twilio()) {
      expect(request).toMatchObject({ method: 'POST', headers: { authorization: auth } });
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    const forms = twilio().map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(forms[0]!.Twiml).toContain(`<Dial><Client>${ORG.users.ana.id}</Client></Dial>`);
    expect(forms[1]!.Twiml).toContain('<Play loop="0">');
    expect(forms[2]).toEqual({ Status: 'completed' });
  });
});
