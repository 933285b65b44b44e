import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { storedEmail } from '../channels/email-store';
import { rawIdOf, type SmtpAnswer } from '../channels/smtp-client';
import { eventually, startTestServer, type TestServer } from '../support/test-server';

/**
 * Connection limits of inbound SMTP. They hold whatever the database (a message stored is the
 * same on both, see the email suites), so this runs on the embedded one only.
 */

/** An SMTP client that connects from `localAddress` and then says nothing; records the server's lines. */
function idleConnection(port: number, localAddress: string) {
  const socket: Socket = connect({ port, host: '127.0.0.1', localAddress });
  let received = '';
  let isClosed = false;
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => (isClosed = true));
  return {
    /** The first reply code the server sent, once it sent one. */
    greeting: () => /^(\d{3})[ -]/.exec(received)?.[1] ?? null,
    received: () => received,
    isClosed: () => isClosed,
    end: () => socket.destroy(),
  };
}

/** One real message from `localAddress`, as a customer's mail server sends it. */
async function sendFrom(port: number, localAddress: string): Promise<SmtpAnswer> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    localAddress,
  });
  const raw = [
    'From: Pat <pat@example.org>',
    'To: support@agentdeck.test',
    'Subject: Export fails',
    `Message-ID: <flood-${randomUUID()}@example.org>`,
    'Date: Tue, 02 Jun 2026 10:00:00 +0000',
    '',
    'The export button does nothing.',
    '',
  ].join('\r\n');
  try {
    const info = await transport.sendMail({
      envelope: { from: 'pat@example.org', to: ['support@agentdeck.test'] },
      raw,
    });
    return { code: Number(info.response.slice(0, 3)), response: info.response };
  } catch (err) {
    const failure = err as { responseCode?: number; response?: string; message?: string };
    return { code: failure.responseCode ?? 0, response: failure.response ?? failure.message ?? '' };
  } finally {
    transport.close();
  }
}

describe('inbound SMTP while one client floods it', () => {
  let server: TestServer | undefined;
  const connections: ReturnType<typeof idleConnection>[] = [];
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.end();
    await server?.close();
    server = undefined;
  });

  it('limits connections per client address and keeps serving other senders', async () => {
    server = await startTestServer();
    const port = inboundSmtpPort(server.app.channels);
    for (let i = 0; i < 200; i++) connections.push(idleConnection(port, '127.0.0.1'));
    await eventually(
      () => connections.every((c) => c.greeting() !== null),
      30_000,
      'every connection answered',
    );

    const greeted = connections.filter((c) => c.greeting() === '220');
    expect(greeted).toHaveLength(10);
    const refused = connections.filter((c) => c.greeting() === '421');
    expect(refused).toHaveLength(190);
    expect(refused[0]?.received()).toMatch(/too many connections from your address/i);

    // Another sender, while the flood holds every connection it may hold.
    const answer = await sendFrom(port, '127.0.0.2');
    expect(answer.code).toBe(250);
    const stored = await storedEmail(server.database.db, rawIdOf(answer));
    expect(stored.message?.subject).toBe('Export fails');
  }, 120_000);

  it('closes idle connections sooner at the global cap, so a new sender gets in', async () => {
    server = await startTestServer({
      env: { AGENTDECK_SMTP_MAX_CONNECTIONS: '20', AGENTDECK_SMTP_MAX_CONNECTIONS_PER_ADDRESS: '10' },
    });
    const port = inboundSmtpPort(server.app.channels);
    // Two addresses hold ten idle connections each: the whole cap.
    for (const address of ['127.0.0.3', '127.0.0.4']) {
      for (let i = 0; i < 10; i++) connections.push(idleConnection(port, address));
    }
    await eventually(
      () => connections.every((c) => c.greeting() === '220'),
      30_000,
      'every connection greeted',
    );

    let answer = await sendFrom(port, '127.0.0.5');
    await eventually(
      async () => {
        if (answer.code !== 250) answer = await sendFrom(port, '127.0.0.5');
        return answer.code === 250;
      },
      30_000,
      'the new sender to be served',
    );
    const timedOut = connections.filter((c) => c.isClosed() && /421[^\r\n]*timeout/i.test(c.received()));
    expect(timedOut.length).toBeGreaterThan(0);
  }, 120_000);
});
