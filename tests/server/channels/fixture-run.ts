import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/services';
import { inboundSmtpPort } from '../../../src-server/channels/email/email-in.channel';
import { contacts, messages, rawEmails } from '../../../src-server/db/schema';
import { generateEmailFixtures, type EmailFixture } from '../../fixtures/emails/generate';
import { startTestServer, type DatabaseKind, type TestServer } from '../support/test-server';
import { countRows, storedEmail } from './email-store';
import { rawIdOf, smtpClient, type SmtpAnswer } from './smtp-client';

const SUPPORT = 'support@agentdeck.test';
const FIXTURES = generateEmailFixtures();
const SENDERS = 4;
const SCRIPTABLE = [/<script/i, /\son[a-z]+=/i, /javascript:/i, /<iframe/i];

/** Sends every fixture to a real server on `kind` and checks what it answered and stored. */
export function describeFixtureRun(kind: DatabaseKind): void {
  describe(`every hostile email fixture, sent over real SMTP (${kind} database)`, () => {
    let server: TestServer;
    let client: ReturnType<typeof smtpClient>;
    const answers = new Map<string, SmtpAnswer>();
    let drop: (() => Promise<void>) | null = null;

    beforeAll(async () => {
      const database = kind === 'postgres' ? await createTestDatabase() : null;
      drop = database?.drop ?? null;
      server = await startTestServer({ kind, ...(database ? { databaseUrl: database.url } : {}) });
      client = smtpClient(inboundSmtpPort(server.app.channels), SENDERS);
      // A few connections at once, like several mail servers delivering to us.
      for (let i = 0; i < FIXTURES.length; i += SENDERS) {
        const batch = FIXTURES.slice(i, i + SENDERS);
        const sent = await Promise.all(
          batch.map((f) => client.send(f.raw, { from: f.envelopeFrom, to: [SUPPORT] })),
        );
        batch.forEach((f, j) => answers.set(f.name, sent[j]!));
      }
    });
    afterAll(async () => {
      client.close();
      await server.close();
      await drop?.();
    });

    it('has at least 200 distinct fixtures, each a complete SMTP message', () => {
      expect(FIXTURES.length).toBeGreaterThanOrEqual(200);
      expect(new Set(FIXTURES.map((f) => f.name)).size).toBe(FIXTURES.length);
      for (const fixture of FIXTURES) expect(fixture.raw.subarray(-2).toString(), fixture.name).toBe('\r\n');
    });

    it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture: EmailFixture) => {
      const answer = answers.get(fixture.name)!;
      expect(answer.code, answer.response).toBe(fixture.expectCode);
      const db = server.database.db;
      if (fixture.expectCode !== 250) {
        const kept = await db
          .select({ id: rawEmails.id })
          .from(rawEmails)
          .where(eq(rawEmails.source, fixture.raw));
        expect(kept).toHaveLength(1);
        return;
      }
      const stored = await storedEmail(db, rawIdOf(answer));
      expect(Buffer.compare(stored.raw.source, fixture.raw), 'raw source byte for byte').toBe(0);
      if (fixture.automated) {
        expect(['auto_reply', 'bounce']).toContain(stored.raw.outcome);
        expect(stored.message).toBeNull();
        const messageId = `<${fixture.name}@fixtures.example>`;
        expect(await db.$count(contacts, eq(contacts.externalId, messageId))).toBe(0);
        return;
      }
      expect(stored.message, 'message stored').not.toBeNull();
      expect(stored.kase!.requesterAddress).toBeTruthy();
      expect(stored.contact).toMatchObject({ channel: 'email', provider: 'smtp' });
      for (const pattern of SCRIPTABLE) expect(stored.message!.bodyHtml ?? '').not.toMatch(pattern);
      if (fixture.bodyContains) expect(stored.message!.bodyText).toContain(fixture.bodyContains);
      if (fixture.attachmentNames)
        expect(stored.files.map((f) => f.filename)).toEqual(fixture.attachmentNames);
      for (const file of stored.files) {
        expect(file.filename.length).toBeLessThanOrEqual(255);
        // eslint-disable-next-line no-control-regex -- no control characters may survive
        expect(file.filename).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e]/);
        expect(file.contentType).toBe(file.contentType.toLowerCase());
      }
    });

    it('stored no scriptable HTML anywhere, and no case for automated mail', async () => {
      const db = server.database.db;
      const html = await db
        .select({ html: messages.bodyHtml })
        .from(messages)
        .where(isNotNull(messages.bodyHtml));
      expect(html.length).toBeGreaterThan(50);
      for (const { html: body } of html) for (const pattern of SCRIPTABLE) expect(body).not.toMatch(pattern);
      const automated = await db
        .select({ id: rawEmails.id })
        .from(rawEmails)
        .where(inArray(rawEmails.outcome, ['auto_reply', 'bounce']));
      expect(automated).toHaveLength(FIXTURES.filter((f) => f.automated).length);
    });

    it('still answers after all of them', async () => {
      const before = await countRows(server.database.db);
      const raw = Buffer.from(
        `From: after@fixtures.example\r\nTo: ${SUPPORT}\r\nSubject: still here\r\nMessage-ID: <after-all@fixtures.example>\r\n\r\nhello\r\n`,
      );
      expect((await client.send(raw, { from: 'after@fixtures.example', to: [SUPPORT] })).code).toBe(250);
      expect((await countRows(server.database.db)).cases).toBe(before.cases + 1);
    });
  });
}
