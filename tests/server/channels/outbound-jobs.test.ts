import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-server/db/database';
import { outboundJobs } from '../../../src-server/db/schema';
import {
  backoffMs,
  createOutboundWorker,
  enqueueJob,
  MAX_ATTEMPTS,
  PermanentJobError,
  type JobSender,
} from '../../../src-server/features/outbound/outbound-jobs';
import { createTestDatabase, hasPostgres } from '../support/services';

const silent = { warn: () => undefined, error: () => undefined };
const postgres = await hasPostgres();

async function enqueueMany(database: Database, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await database.db.transaction(async (tx) => {
    for (const id of ids) await enqueueJob(tx, { id, kind: 'email', payload: { n: id } });
  });
  return ids;
}

async function jobsOf(database: Database, ids: string[]) {
  return database.db.select().from(outboundJobs).where(inArray(outboundJobs.id, ids));
}

describe.runIf(postgres)('the outbound queue on PostgreSQL with two nodes', () => {
  let drop: () => Promise<void>;
  let nodeA: Database;
  let nodeB: Database;

  beforeAll(async () => {
    const pg = await createTestDatabase();
    drop = pg.drop;
    nodeA = await openDatabase({ kind: 'postgres', url: pg.url });
    nodeB = await openDatabase({ kind: 'postgres', url: pg.url });
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await drop?.();
  });

  it('sends each job exactly once while two workers sweep at the same time', async () => {
    const ids = await enqueueMany(nodeA, 120);
    const sentBy = new Map<string, string[]>();
    const senderFor = (node: string): JobSender => ({
      async send(_payload, job) {
        sentBy.set(job.id, [...(sentBy.get(job.id) ?? []), node]);
        // Yield while "sending", so the other node's sweep runs in between.
        await new Promise((r) => setImmediate(r));
      },
    });
    const workers = [
      createOutboundWorker({ db: nodeA.db, senders: { email: senderFor('a') }, log: silent }),
      createOutboundWorker({ db: nodeB.db, senders: { email: senderFor('b') }, log: silent }),
    ];
    const sweepUntilEmpty = async (worker: (typeof workers)[number]) => {
      let attempted = 0;
      for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) attempted += n;
      return attempted;
    };
    const [byA, byB] = await Promise.all(workers.map(sweepUntilEmpty));

    expect(byA! + byB!).toBe(ids.length);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    expect(ids.filter((id) => sentBy.get(id)?.length !== 1)).toEqual([]);
    const rows = await jobsOf(nodeA, ids);
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('backs a failing job off, and gives up on a permanent refusal or after the last attempt', async () => {
    const [flaky, refused, exhausted] = await enqueueMany(nodeA, 3);
    await nodeA.db
      .update(outboundJobs)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(outboundJobs.id, exhausted!));
    const settled: [string, string][] = [];
    const worker = createOutboundWorker({
      db: nodeB.db,
      log: silent,
      senders: {
        email: {
          async send(_payload, job) {
            if (job.id === refused) throw new PermanentJobError('550 no such mailbox');
            throw new Error('451 try again later');
          },
          async settled(job, outcome) {
            settled.push([job.id, outcome]);
          },
        },
      },
    });
    const before = Date.now();
    expect(await worker.runOnce()).toBe(3);
    expect(await worker.runOnce()).toBe(0);

    const rows = new Map((await jobsOf(nodeA, [flaky!, refused!, exhausted!])).map((r) => [r.id, r]));
    const flakyRow = rows.get(flaky!)!;
    expect(flakyRow).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 try again later' });
    expect(flakyRow.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + backoffMs(1) - 1000);
    expect(rows.get(refused!)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows.get(exhausted!)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(new Map(settled)).toEqual(
      new Map([
        [flaky!, 'retry'],
        [refused!, 'failed'],
        [exhausted!, 'failed'],
      ]),
    );
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
  });
});
