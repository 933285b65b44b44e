import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { contacts, queues } from '../../../src-server/db/schema';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { eventually, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { countRows, setQueueClosed } from './phone-support';
import { PUBLIC_URL, STATUS_PATH, TWILIO_TOKEN, VOICE_PATH, postTwilio, signTwilio } from './twilio-support';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

it("the test's signer reproduces the example in Twilio's security documentation", () => {
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  };
  expect(signTwilio('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
    'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
  );
});

describe.each(kinds)('the Twilio voice webhooks on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let ana: Socket;
  let anaSees: Map<string, Contact>;
  let sequence = 0;
  const newSid = () => `CA${kind}${Date.now()}${++sequence}`;
  const incoming = (CallSid: string) => ({
    CallSid,
    AccountSid: 'ACtest',
    From: '+14155550134',
    To: '+18005550100',
    CallStatus: 'ringing',
    Direction: 'inbound',
  });
  const callContact = async (externalId: string) => {
    const [row] = await server.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.provider, 'twilio'), eq(contacts.externalId, externalId)));
    return row;
  };

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: { TWILIO_AUTH_TOKEN: TWILIO_TOKEN, AGENTDECK_PUBLIC_URL: PUBLIC_URL },
    });
    ana = await server.connect('ana');
    anaSees = watchContacts(ana);
    // Callbacks need a queue that takes them.
    await server.database.db
      .update(queues)
      .set({ channels: ['phone', 'email', 'callback'], version: sql`${queues.version} + 1` })
      .where(eq(queues.id, ORG.queues.en));
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

  it('refuses a wrong or missing X-Twilio-Signature with 403 and stores nothing', async () => {
    const before = [
      await countRows(server.database.db, 'contacts'),
      await countRows(server.database.db, 'webhook_receipts'),
    ];
    const params = incoming(newSid());
    expect((await postTwilio(server.url, VOICE_PATH, params, { signature: null })).status).toBe(403);
    expect((await postTwilio(server.url, VOICE_PATH, params, { token: 'wrong' })).status).toBe(403);
    // Signed for another URL than the one Twilio called.
    const elsewhere = await postTwilio(server.url, VOICE_PATH, params, { signedUrl: `${PUBLIC_URL}/other` });
    expect(elsewhere.status).toBe(403);
    const status = await postTwilio(
      server.url,
      STATUS_PATH,
      { ...params, CallStatus: 'completed' },
      { token: 'x' },
    );
    expect(status.status).toBe(403);
    const after = [
      await countRows(server.database.db, 'contacts'),
      await countRows(server.database.db, 'webhook_receipts'),
    ];
    expect(after).toEqual(before);
  });

  it('refuses a signed body without a CallSid with 400', async () => {
    const answer = await postTwilio(server.url, VOICE_PATH, { From: '+14155550134' });
    expect(answer.status).toBe(400);
  });

  it('an incoming call to an open queue is enqueued as TwiML and offered to an agent', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const sid = newSid();
    const answer = await postTwilio(server.url, VOICE_PATH, incoming(sid));
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/xml');
    expect(answer.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say>[^<]+<\/Say>/);
    expect(answer.text).toContain(`<Enqueue>${ORG.queues.en}</Enqueue></Response>`);
    const row = await callContact(sid);
    expect(row).toMatchObject({ channel: 'phone', from: '+14155550134', customerId: ORG.customers.jane });
    await eventually(() => anaSees.get(row!.id)?.status === 'offered', 5000, 'the offer to ana');

    const stored = await countRows(server.database.db, 'contacts');
    const replay = await postTwilio(server.url, VOICE_PATH, incoming(sid));
    expect(replay.text).toBe(answer.text);
    expect(await countRows(server.database.db, 'contacts')).toBe(stored);
  });

  it('a closed queue offers a callback or voicemail instead of queueing the caller', async () => {
    await setQueueClosed(server.database.db, ORG.queues.en, true);
    const sid = newSid();
    const menu = await postTwilio(server.url, VOICE_PATH, incoming(sid));
    expect(menu.status).toBe(200);
    expect(menu.text).toContain(
      '<Gather numDigits="1" action="/api/v1/channels/voice/twilio?step=closed-menu"',
    );
    expect(menu.text).toContain('<Record action="/api/v1/channels/voice/twilio?step=voicemail"');
    expect(menu.text).not.toContain('<Enqueue');
    expect(await callContact(sid)).toBeUndefined();

    const other = await postTwilio(server.url, `${VOICE_PATH}?step=closed-menu`, {
      ...incoming(sid),
      Digits: '2',
    });
    expect(other.text).toContain('<Record ');
    expect(await callContact(`callback:${sid}`)).toBeUndefined();

    const callback = await postTwilio(server.url, `${VOICE_PATH}?step=closed-menu`, {
      ...incoming(sid),
      Digits: '1',
    });
    expect(callback.text).toContain('<Hangup/>');
    const scheduled = await callContact(`callback:${sid}`);
    expect(scheduled).toMatchObject({ channel: 'callback', status: 'scheduled', from: '+14155550134' });
    expect(scheduled!.dueAt!.getTime()).toBeGreaterThan(Date.now());

    const voicemail = await postTwilio(server.url, `${VOICE_PATH}?step=voicemail`, {
      ...incoming(sid),
      RecordingUrl: 'https://api.twilio.com/recordings/RE1',
    });
    expect(voicemail.text).toContain('<Hangup/>');
    expect(await callContact(`voicemail:${sid}`)).toMatchObject({
      channel: 'phone',
      status: 'queued',
      subject: 'Voicemail: https://api.twilio.com/recordings/RE1',
    });
  });

  it('the status callback wraps up an answered call and abandons a waiting one, once', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const answered = newSid();
    await postTwilio(server.url, VOICE_PATH, incoming(answered));
    const row = (await callContact(answered))!;
    await eventually(() => anaSees.get(row.id)?.status === 'offered', 5000, 'the offer to ana');
    expect((await runCommand(ana, 'contact:accept', { contactId: row.id })).ok).toBe(true);

    const completed = { ...incoming(answered), CallStatus: 'completed', CallDuration: '42' };
    expect((await postTwilio(server.url, STATUS_PATH, completed)).status).toBe(200);
    expect((await callContact(answered))!.status).toBe('wrap_up');
    const version = (await callContact(answered))!.version;
    expect((await postTwilio(server.url, STATUS_PATH, completed)).status).toBe(200);
    expect((await callContact(answered))!.version).toBe(version);

    const waiting = newSid();
    await postTwilio(server.url, VOICE_PATH, incoming(waiting));
    await postTwilio(server.url, STATUS_PATH, { ...incoming(waiting), CallStatus: 'no-answer' });
    expect((await callContact(waiting))!.status).toBe('abandoned');

    const unknown = await postTwilio(server.url, STATUS_PATH, {
      ...incoming(newSid()),
      CallStatus: 'completed',
    });
    expect(unknown.status).toBe(200);
  });
});

describe('the Twilio webhook without a configured token', () => {
  it('answers 503 outside demo mode; in demo mode takes the demo token over the URL of the Host header', async () => {
    const production = await startTestServer({ env: { AGENTDECK_DEMO_SEED: '0' } });
    const demo = await startTestServer({ env: { AGENTDECK_DEMO_SEED: '1' } });
    try {
      const params = { CallSid: 'CAdemo1', From: '+14155550134', To: '+18005550100', CallStatus: 'ringing' };
      expect((await postTwilio(production.url, VOICE_PATH, params)).status).toBe(503);
      const hostUrl = `${demo.url}${VOICE_PATH}`;
      const signed = { signedUrl: hostUrl, token: 'agentdeck-demo-twilio-token' };
      const answer = await postTwilio(demo.url, VOICE_PATH, params, signed);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('<Enqueue>');
    } finally {
      await production.close();
      await demo.close();
    }
  });
});
