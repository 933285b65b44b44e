import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { storedEmail } from '../channels/email-store';
import { rawIdOf, smtpClient } from '../channels/smtp-client';
import { KINDS, serverForSuite } from '../support/server-test';

/** Mail out of an mbox archive or a forwarded mailbox starts with its `From ` separator line. */
describe.each(KINDS)('an email that starts with an mbox From line on %s', (kind) => {
  const server = serverForSuite(kind);

  it('is taken, the separator skipped, the source kept as received', async () => {
    const client = smtpClient(inboundSmtpPort(server.app.channels));
    try {
      for (const newline of ['\r\n', '\n']) {
        const raw = [
          'From pat@example.org Tue Jun  2 10:00:00 2026',
          'From: Pat Example <pat@example.org>',
          'To: support@agentdeck.test',
          'Subject: Forwarded from my archive',
          `Message-ID: <mbox-${randomUUID()}@example.org>`,
          'Date: Tue, 02 Jun 2026 10:00:00 +0000',
          '',
          'The export still fails.',
          '',
        ].join(newline);
        const answer = await client.send(raw, { from: 'pat@example.org', to: ['support@agentdeck.test'] });
        expect(answer.code).toBe(250);
        const stored = await storedEmail(server.database.db, rawIdOf(answer));
        expect(stored.message).toMatchObject({
          subject: 'Forwarded from my archive',
          fromAddress: 'pat@example.org',
        });
        expect(stored.message?.bodyText).toContain('The export still fails.');
        expect(stored.raw.outcome).toBe('new_case');
        expect(Buffer.from(stored.raw.source).toString('utf8')).toMatch(/^From pat@example\.org /);
      }
    } finally {
      client.close();
    }
  });
});
