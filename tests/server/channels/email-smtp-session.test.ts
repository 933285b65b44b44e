import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { startTestServer, type TestServer } from '../support/test-server';
import { countRows } from './email-store';
import { smtpClient } from './smtp-client';
import { smtpSession } from './smtp-session';

const SUPPORT = 'support@agentdeck.test';
const message = (id: string) =>
  Buffer.from(
    `From: pat@unknown.example\r\nTo: ${SUPPORT}\r\nSubject: ${id}\r\nMessage-ID: <${id}@unknown.example>\r\n\r\nhello\r\n`,
  );

describe('the inbound SMTP session', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer({ kind: 'embedded' });
    port = inboundSmtpPort(server.app.channels);
  });
  afterAll(async () => {
    await server.close();
  });

  it('greets as Agentdeck, offers SIZE and neither AUTH nor STARTTLS without a certificate', async () => {
    const session = await smtpSession(port);
    expect(session.banner).toMatch(/^220 .*Agentdeck/);
    const ehlo = await session.command('EHLO client.example');
    expect(ehlo).toMatch(/250[- ]SIZE \d+/);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
    await session.quit();
  });

  it('survives garbage commands, a client vanishing mid-message, and keeps answering', async () => {
    const rude = await smtpSession(port);
    expect(await rude.command(Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a]))).toMatch(/^5\d\d/);
    expect(await rude.command('RCPT TO:<support@agentdeck.test>')).toMatch(/^5\d\d/);
    expect(await rude.command('EHLO x')).toMatch(/^250/);
    expect(await rude.command('MAIL FROM:<pat@unknown.example>')).toMatch(/^250/);
    expect(await rude.command(`RCPT TO:<${SUPPORT}>`)).toMatch(/^250/);
    expect(await rude.command('DATA')).toMatch(/^354/);
    const before = await countRows(server.database.db);
    rude.write('Subject: half a message\r\n\r\nand then the line went de');
    rude.drop();

    const client = smtpClient(port);
    expect(
      (await client.send(message('after-drop'), { from: 'pat@unknown.example', to: [SUPPORT] })).code,
    ).toBe(250);
    client.close();
    const after = await countRows(server.database.db);
    expect(after.raw).toBe(before.raw + 1);
  });

  it('stores a message delivered twice at the same moment only once', async () => {
    const raw = message('twice-at-once');
    const [a, b] = [smtpClient(port), smtpClient(port)];
    const before = await countRows(server.database.db);
    const answers = await Promise.all(
      [a, b].map((c) => c.send(raw, { from: 'pat@unknown.example', to: [SUPPORT] })),
    );
    a.close();
    b.close();
    expect(answers.map((x) => x.code)).toEqual([250, 250]);
    const after = await countRows(server.database.db);
    expect(after.messages - before.messages).toBe(1);
    expect(after.contacts - before.contacts).toBe(1);
  });
});

describe('inbound SMTP with a certificate', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentdeck-smtp-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    server = await startTestServer({
      kind: 'embedded',
      env: { AGENTDECK_SMTP_TLS_KEY: key, AGENTDECK_SMTP_TLS_CERT: cert },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers STARTTLS and takes mail over it', async () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: inboundSmtpPort(server.app.channels),
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    const info = await transport.sendMail({
      envelope: { from: 'pat@unknown.example', to: [SUPPORT] },
      raw: message('over-tls'),
    });
    transport.close();
    expect(info.response).toMatch(/^250/);
  });
});
