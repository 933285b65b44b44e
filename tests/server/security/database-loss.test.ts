import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { CTI_SECRET, postCti } from '../channels/phone-support';
import { runCommand } from '../support/contact-commands';
import { POSTGRES_ADMIN_URL, createTestDatabase, hasPostgres } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually } from '../support/test-server';

const servicesHere = await hasPostgres();

/** Calls offered by a phone system at about 20 a second, each redelivered until it gets a 2xx. */
function ctiTraffic(server: ServerProcess) {
  const acknowledged: string[] = [];
  const statuses: number[] = [];
  const refusals: string[] = [];
  const deliveries: Promise<void>[] = [];
  let running = true;
  let abandoned = false;
  const deliver = async (callId: string) => {
    const event = { callId, event: 'call.offered', from: '+14155550134', to: '+18005550100' };
    for (;;) {
      if (abandoned) return;
      const status = await postCti(server.url, event).then(
        (answer) => answer.status,
        () => 0, // the connection itself failed: a phone system retries that too
      );
      statuses.push(status);
      if (status >= 200 && status < 300) return void acknowledged.push(callId);
      if (status >= 400 && status < 500) return void refusals.push(`${callId}: ${status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const timer = setInterval(() => {
    if (running) deliveries.push(deliver(`fault-${randomUUID()}`));
  }, 50);
  return {
    acknowledged,
    statuses,
    refusals,
    /** Resolves once `count` more calls than now were acknowledged. */
    async moreAcknowledged(count: number, timeoutMs = 20_000) {
      const target = acknowledged.length + count;
      await eventually(
        () => {
          if (server.hasExited())
            throw new Error(`the server process died:\n${server.output().slice(-3000)}`);
          return acknowledged.length >= target;
        },
        timeoutMs,
        `${count} more acknowledged calls`,
      );
    },
    /** Stops offering new calls and waits until every call offered so far is acknowledged. */
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.all(deliveries);
    },
    /** Gives up on every delivery still retrying (the test ends). */
    abandon() {
      running = false;
      abandoned = true;
      clearInterval(timer);
    },
  };
}

async function readiness(url: string): Promise<number> {
  return fetch(`${url}/readyz`).then(
    (res) => res.status,
    () => 0,
  );
}

describe.runIf(servicesHere)('the server when PostgreSQL drops its connections', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('survives terminated connections under traffic, is not ready while the database is away, and serves again', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const name = new URL(database.url).pathname.slice(1);
    const seeding = await openDatabase({ kind: 'postgres', url: database.url });
    await insertMinimalOrg(seeding.db);
    await seeding.close();

    // Only ever this test's own database.
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    admin.on('error', () => undefined);
    await admin.connect();
    cleanups.push(() => admin.end());
    const terminateConnections = () =>
      admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    const allowConnections = (allowed: boolean) =>
      admin.query(`alter database ${name} with allow_connections ${allowed}`);
    cleanups.push(async () => void (await allowConnections(true)));

    const server: ServerProcess = await startServerProcess({
      DATABASE_URL: database.url,
      AGENTDECK_CTI_SECRET: CTI_SECRET,
    });
    cleanups.push(server.stop);
    const ana = await openSocket(server.url, await signIn(server.url, 'ana', ORG.password));
    cleanups.push(async () => void ana.disconnect());

    const traffic = ctiTraffic(server);
    cleanups.push(async () => traffic.abandon());
    await traffic.moreAcknowledged(20);

    // A failover or a restart of PostgreSQL ends every connection, some of them mid-transaction.
    await terminateConnections();
    await traffic.moreAcknowledged(20);
    await terminateConnections();
    await traffic.moreAcknowledged(20);
    expect(server.hasExited()).toBe(false);

    // The database goes away for a while.
    await allowConnections(false);
    await terminateConnections();
    await eventually(async () => (await readiness(server.url)) === 503, 15_000, '/readyz to answer 503');
    const commandId = randomUUID();
    const inFlight = await runCommand(ana, 'agent:set-state', { state: 'available' }, { commandId });
    expect(inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const duringOutage = traffic.statuses.length;
    await eventually(
      () => traffic.statuses.slice(duringOutage).includes(503),
      15_000,
      'a webhook answered 503 while the database is away',
    );
    expect(server.hasExited()).toBe(false);

    // It comes back: the same process serves again, without a restart.
    await allowConnections(true);
    await eventually(async () => (await readiness(server.url)) === 200, 30_000, '/readyz to answer 200');
    const retried = await runCommand(ana, 'agent:set-state', { state: 'available' }, { commandId });
    expect(retried).toMatchObject({ ok: true });
    await traffic.moreAcknowledged(20);
    await traffic.stop();

    expect(traffic.refusals).toEqual([]);
    expect(server.hasExited()).toBe(false);
    // Every acknowledged call is stored, and exactly once.
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    cleanups.push(() => check.end());
    const { rows } = await check.query<{ external_id: string; n: number }>(
      `select external_id, count(*)::int as n from contacts
        where provider = 'cti' and external_id = any($1::text[]) group by external_id`,
      [traffic.acknowledged],
    );
    expect(rows.filter((row) => row.n !== 1)).toEqual([]);
    expect(rows.length).toBe(new Set(traffic.acknowledged).size);
    expect(traffic.acknowledged.length).toBeGreaterThanOrEqual(80);
  }, 150_000);
});
