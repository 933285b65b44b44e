import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { ORG } from '../../fixtures/minimal-org';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { rawIdOf, smtpClient } from '../channels/smtp-client';
import { storedEmail } from '../channels/email-store';
import { PUBLIC_URL, TWILIO_TOKEN, VOICE_PATH, postTwilio } from '../channels/twilio-support';
import { countRows, openQueuesToWeb, postForm } from '../channels/web-support';
import { runCommand } from '../support/contact-commands';
import { createTestDatabase, hasPostgres } from '../support/services';
import { request, startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const NUL = '\u0000';

/** PostgreSQL stores no NUL in text: each input is refused naming its field, or cleaned (mail). */
describe.each(kinds)('NUL characters in input on %s', (kind) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let anaToken: string;

  const invalidNaming = (field: string) => ({
    error: { code: 'invalid', message: expect.stringContaining(field) as unknown },
  });

  beforeAll(async () => {
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    drop = pg?.drop;
    server = await startTestServer({
      kind,
      databaseUrl: pg?.url,
      env: {
        AGENTDECK_CTI_SECRET: CTI_SECRET,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        AGENTDECK_PUBLIC_URL: PUBLIC_URL,
      },
    });
    await openQueuesToWeb(server.database.db);
    anaToken = (await server.login('ana')).token;
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('refuses a web form with a NUL in a field: 400 naming it, nothing stored', async () => {
    const before = await countRows(server.database.db, 'cases');
    // Sent as the raw JSON text an attacker would type: "a\u0000b".
    const res = await postForm(
      server.url,
      '{"name":"a\\u0000b","email":"pat@example.org","subject":"Hello","message":"Export fails"}',
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject(invalidNaming('body.name'));
    expect(await countRows(server.database.db, 'cases')).toBe(before);
  });

  it('refuses a NUL in a query or a path parameter of any route, naming it', async () => {
    const auth = { authorization: `Bearer ${anaToken}` };
    const search = await fetch(`${server.url}/api/v1/customers?q=jane%00`, { headers: auth });
    expect(search.status).toBe(400);
    expect(await search.json()).toMatchObject(invalidNaming('query.q'));
    const read = await fetch(`${server.url}/api/v1/cases/case%00_en`, { headers: auth });
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject(invalidNaming('params.id'));
  });

  it('refuses a note with a NUL over the socket, naming the field, and stores nothing', async () => {
    const ana = await server.connect('ana');
    const noteId = randomUUID();
    const answer = await runCommand(ana, 'case:add-note', {
      caseId: ORG.cases.en,
      noteId,
      body: `first line${NUL}second`,
      visibility: 'internal',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('payload.body') as unknown },
    });
    const stored = await server.database.db.execute(sql`select 1 from notes where id = ${noteId}`);
    expect((stored as unknown as { rows: unknown[] }).rows).toEqual([]);
    // The socket still serves: the same note without the NUL is taken.
    const clean = await runCommand(ana, 'case:add-note', {
      caseId: ORG.cases.en,
      noteId,
      body: 'first line second',
      visibility: 'internal',
    });
    expect(clean.ok).toBe(true);
  });

  it('refuses a visitor chat line with a NUL, naming the field', async () => {
    const visitor: Socket = connectSocket(`${server.url}/visitor`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'https://shop.example' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        visitor.once('connect', () => resolve());
        visitor.once('connect_error', reject);
      });
      const started = await request(visitor, 'chat:start', {
        name: `Pat${NUL}`,
        email: 'pat@example.org',
      });
      expect(started).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringContaining('name') as unknown },
      });
      expect((await request(visitor, 'chat:start', { name: 'Pat', email: 'pat@example.org' })).ok).toBe(true);
      expect(await request(visitor, 'chat:message', { body: `hi${NUL}` })).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringContaining('body') as unknown },
      });
    } finally {
      visitor.disconnect();
    }
  });

  it('refuses CTI and Twilio webhooks with a NUL in a field: 400 naming it', async () => {
    const cti = await postCti(server.url, {
      callId: `nul-${randomUUID()}`,
      event: 'call.offered',
      from: `+1415555${NUL}0134`,
      to: '+18005550100',
    });
    expect(cti).toMatchObject({ status: 400, body: invalidNaming('from') });
    const twilio = await postTwilio(server.url, VOICE_PATH, {
      CallSid: `CA${randomUUID().replace(/-/g, '')}`,
      AccountSid: 'AC123',
      From: `+1415555${NUL}0134`,
      To: '+18005550100',
      CallStatus: 'ringing',
    });
    expect(twilio.status).toBe(400);
    expect(twilio.text).toContain('From');
  });

  it('takes mail with NULs in its headers and body, stripped (mail is not refused for it)', async () => {
    const client = smtpClient(inboundSmtpPort(server.app.channels));
    try {
      const raw = [
        `From: "Pat${NUL} Sender" <pat${NUL}@example.org>`,
        'To: support@agentdeck.test',
        `Subject: Export${NUL} fails`,
        `Message-ID: <nul-${randomUUID()}@example.org>`,
        'Date: Tue, 02 Jun 2026 10:00:00 +0000',
        `X-Note: odd${NUL}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: multipart/alternative; boundary="b2"',
        '',
        '--b2',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `The export${NUL} button does nothing.`,
        '--b2',
        'Content-Type: text/html; charset=utf-8',
        // Encoded, a NUL survives into the decoded text: stripped there too.
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<p>The export=00 button does <b>nothing</b>.</p>',
        '--b2--',
        '--b1',
        `Content-Type: text/plain; name="log${NUL}.txt"`,
        `Content-Disposition: attachment; filename="log${NUL}.txt"`,
        '',
        'export failed at step 3',
        '--b1--',
        '',
      ].join('\r\n');
      const answer = await client.send(raw, { from: 'pat@example.org', to: ['support@agentdeck.test'] });
      expect(answer.code).toBe(250);
      const stored = await storedEmail(server.database.db, rawIdOf(answer));
      expect(stored.message?.bodyText).toContain('The export button does nothing.');
      expect(stored.kase?.subject).toBe('Export fails');
      expect(stored.message?.bodyHtml).toContain('nothing');
      expect(stored.files.map((f) => f.filename)).toEqual(['log.txt']);
      const { content: _bytes, ...fileRows } = stored.files[0] ?? {};
      expect(JSON.stringify([stored.message, stored.kase, stored.contact, fileRows])).not.toContain(
        '\\u0000',
      );
    } finally {
      client.close();
    }
  });
});
