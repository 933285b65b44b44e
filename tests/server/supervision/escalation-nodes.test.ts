import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import { cases } from '../../../src-server/db/schema';
import type { EscalationRule } from '../../../src-shared/protocol/escalation';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { ownRedisDatabase } from '../routing/race-floor';
import { createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually, settle } from '../support/test-server';
import { call } from './supervision-fixtures';

const servicesHere = (await hasPostgres()) && (await hasRedis());
/** Cases every node's sweep races for. */
const EXTRA_CASES = 30;
/** The second step's delay: long enough that it is still to come when both nodes stop. */
const SECOND_AFTER_S = 8;

const chain: EscalationRule = {
  id: 'slow',
  name: 'Unresolved too long',
  enabled: true,
  conditions: { statuses: ['new', 'open', 'escalated'] },
  steps: [
    {
      key: 'escalate',
      afterSeconds: 0,
      actions: [
        { type: 'set_status', status: 'escalated' },
        { type: 'notify', roles: [], userIds: [ORG.users.sofia.id], channels: ['console'] },
      ],
    },
    {
      key: 'development',
      afterSeconds: SECOND_AFTER_S,
      actions: [
        { type: 'raise_priority', to: 'high' },
        { type: 'notify', roles: [], userIds: [ORG.users.sofia.id], channels: ['console'] },
      ],
    },
  ],
};

/**
 * Issue 14: escalation rules run on persisted deadlines, so nothing is lost across restarts, and
 * each rule fires exactly once per case and step across several nodes. Two server processes on
 * one PostgreSQL sweep the same cases; both stop before the second step is due; two new
 * processes started after it fell due fire it — once per case.
 */
describe.runIf(servicesHere)('escalation rules on two server nodes, across a restart', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close().catch(() => undefined);
  });

  it('fires every step once per case, the one due while no node ran as soon as nodes are back', async () => {
    const database = await createTestDatabase();
    closers.unshift(database.drop);
    const seeded = await openDatabase({ kind: 'postgres', url: database.url });
    try {
      await insertMinimalOrg(seeded.db);
      await seeded.db.insert(cases).values(
        Array.from({ length: EXTRA_CASES }, (_, i) => ({
          id: `case_many_${i}`,
          customerId: ORG.customers.jane,
          subject: `Unresolved ${i}`,
          status: 'open' as const,
          severity: 3,
          productId: 'prd_ledger',
          queueId: ORG.queues.en,
        })),
      );
    } finally {
      await seeded.close();
    }
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    closers.unshift(() => sql.end());
    const caseCount = EXTRA_CASES + 2;
    const redisUrl = ownRedisDatabase();
    const startTwo = async () => {
      const nodes = await Promise.all(
        [0, 1].map(() => startServerProcess({ DATABASE_URL: database.url, REDIS_URL: redisUrl })),
      );
      nodes.forEach((node) => closers.unshift(node.stop));
      return nodes as [ServerProcess, ServerProcess];
    };
    const firings = async (step: string) =>
      Number(
        (
          await sql.query<{ n: string }>('select count(*) as n from escalation_firings where step_key = $1', [
            step,
          ])
        ).rows[0]?.n,
      );
    const noErrors = (nodes: ServerProcess[]) =>
      nodes.forEach((node) => expect(node.errorLines()).toEqual([]));

    const first = await startTwo();
    const adminToken = await signIn(first[0].url, 'admin', ORG.password);
    const saved = await call(first[0].url, adminToken, 'PUT', '/api/v1/admin/escalation-rules', {
      rules: [chain],
    });
    expect(saved.status).toBe(200);
    await eventually(
      async () => (await firings('slow:escalate')) === caseCount,
      20_000,
      'the first step on every case',
    );
    await Promise.all(first.map((node) => node.stop()));
    noErrors(first);
    expect(await firings('slow:development')).toBe(0);

    // Nobody runs while the second step falls due.
    const lastFirst = (await sql.query<{ at: Date }>('select max(fired_at) as at from escalation_firings'))
      .rows[0]?.at;
    const dueBy = (lastFirst?.getTime() ?? Date.now()) + SECOND_AFTER_S * 1000;
    await settle(Math.max(0, dueBy - Date.now()) + 500);

    const second = await startTwo();
    await eventually(
      async () => (await firings('slow:development')) === caseCount,
      20_000,
      'the second step on every case',
    );
    await settle(2000);
    expect(await firings('slow:escalate')).toBe(caseCount);
    expect(await firings('slow:development')).toBe(caseCount);
    const told = await sql.query<{ case_id: string; n: string }>(
      `select case_id, count(*) as n from notifications where kind = 'case_escalated' and user_id = $1 group by case_id`,
      [ORG.users.sofia.id],
    );
    expect(told.rows).toHaveLength(caseCount);
    expect(told.rows.filter((r) => r.n !== '2')).toEqual([]);
    const states = await sql.query<{ status: string; priority: string; n: string }>(
      'select status, priority, count(*) as n from cases group by status, priority',
    );
    expect(states.rows).toEqual([{ status: 'escalated', priority: 'high', n: String(caseCount) }]);
    noErrors(second);
  }, 180_000);
});
