import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowSeconds } from '../../../scripts/simulate/cti-signing';
import { CTI_SECRET, countRows, postCti, signCti } from '../channels/phone-support';
import { startServerProcess } from '../support/server-process';
import { createTestDatabase, hasPostgres } from '../support/services';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The CTI webhook's signature covers a timestamp (as Stripe's webhooks do), so a captured event
 * goes stale. Refusals happen before the database is touched; one kind (embedded) covers them.
 */
const offered = () => ({
  callId: `sig-${randomUUID()}`,
  event: 'call.offered',
  from: '+14155550134',
  to: '+18005550100',
});
const bodyOnlySignature = (body: string) =>
  `sha256=${createHmac('sha256', CTI_SECRET).update(body).digest('hex')}`;

describe('CTI webhook signatures', () => {
  let server: TestServer;
  let legacy: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { AGENTDECK_CTI_SECRET: CTI_SECRET } });
    legacy = await startTestServer({
      env: { AGENTDECK_CTI_SECRET: CTI_SECRET, AGENTDECK_CTI_LEGACY_SIGNATURES: '1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await legacy?.close();
  });

  it('takes an event signed with the time it is sent', async () => {
    expect(await postCti(server.url, offered())).toMatchObject({ status: 200, body: { status: 'queued' } });
  });

  it('refuses an event captured long ago (dated 2001), though its signature is right for that time', async () => {
    const before = await countRows(server.database.db, 'contacts');
    const answer = await postCti(server.url, offered(), { timestamp: Date.UTC(2001, 0, 1) / 1000 });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await countRows(server.database.db, 'contacts')).toBe(before);
  });

  it('refuses a timestamp more than 300 s from the server’s clock, either way', async () => {
    expect((await postCti(server.url, offered(), { timestamp: nowSeconds() - 301 })).status).toBe(401);
    expect((await postCti(server.url, offered(), { timestamp: nowSeconds() + 301 })).status).toBe(401);
    expect((await postCti(server.url, offered(), { timestamp: nowSeconds() - 290 })).status).toBe(200);
  });

  it('refuses an old signature presented with a fresh timestamp', async () => {
    const event = offered();
    const signature = signCti(JSON.stringify(event), CTI_SECRET, nowSeconds() - 1000);
    expect((await postCti(server.url, event, { signature })).status).toBe(401);
  });

  it('refuses a body-only signature by default, and takes it while legacy signatures are on', async () => {
    const event = offered();
    const signature = bodyOnlySignature(JSON.stringify(event));
    const refused = await postCti(server.url, event, { signature, timestamp: null });
    expect(refused).toMatchObject({
      status: 401,
      body: { error: { message: expect.stringContaining('X-Agentdeck-Timestamp') as unknown } },
    });
    expect((await postCti(legacy.url, event, { signature, timestamp: null })).status).toBe(200);
    // Legacy or not, a request that names its time is checked the new way.
    expect((await postCti(legacy.url, offered(), { signature, timestamp: nowSeconds() })).status).toBe(401);
    expect((await postCti(legacy.url, offered())).status).toBe(200);
  });

  it('says at start when legacy signatures are on', async () => {
    // A process on PostgreSQL when it is here: it starts in a fraction of the embedded one's time.
    const pg = (await hasPostgres()) ? await createTestDatabase() : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'agentdeck-legacy-'));
    try {
      const process = await startServerProcess({
        ...(pg ? { DATABASE_URL: pg.url } : { AGENTDECK_DATA_DIR: dataDir }),
        AGENTDECK_CTI_SECRET: CTI_SECRET,
        AGENTDECK_CTI_LEGACY_SIGNATURES: '1',
      });
      try {
        expect(process.output()).toContain('AGENTDECK_CTI_LEGACY_SIGNATURES is on');
      } finally {
        await process.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await pg?.drop();
    }
  });
});
