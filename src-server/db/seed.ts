import type { PgTable } from 'drizzle-orm/pg-core';
import { createRandom } from '../../src-shared/domain/random';
import { hashPassword } from '../platform/password';
import type { Db, Tx } from './database';
import * as schema from './schema';
import { buildDemoData, type DemoData } from './seed-data/demo-data';
import { seedCoaching } from './seed-data/coaching';

/** The seed used when none is given: the demo looks the same on every machine. */
export const DEMO_SEED = 7400;
/** Password of every demo account. */
export const DEMO_PASSWORD = 'demo';

export interface SeedOptions {
  seed?: number;
  /** The moment history ends; defaults to the current time. The same seed and `now` give the same data. */
  now?: Date;
  /** Called after each inserted chunk: the table being filled, rows inserted so far and rows in all. */
  onProgress?: (step: string, done: number, total: number) => void;
}

export type SeedCounts = { [K in keyof DemoData]: number };

// Parents before children, so foreign keys hold at every insert.
const TABLES: { [K in keyof DemoData]: PgTable } = {
  teams: schema.teams,
  products: schema.products,
  skills: schema.skills,
  queues: schema.queues,
  users: schema.users,
  agentSkills: schema.agentSkills,
  agentStates: schema.agentStates,
  companies: schema.companies,
  customers: schema.customers,
  cases: schema.cases,
  messages: schema.messages,
  notes: schema.notes,
  escalationRules: schema.escalationRules,
  escalationFirings: schema.escalationFirings,
  supervisionDeadlines: schema.supervisionDeadlines,
  contacts: schema.contacts,
  cannedResponses: schema.cannedResponses,
  kbArticles: schema.kbArticles,
};
const STEPS = Object.keys(TABLES) as (keyof DemoData)[];
// Big enough to keep round trips few, far below PostgreSQL's 65,535 bind parameters per statement.
const CHUNK_SIZE = 500;

/** True while no user exists: a fresh database that may receive the demo data. */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  return rows.length === 0;
}

/**
 * Fills an empty database with a realistic, deterministic demo: teams, queues, products, skills,
 * the demo accounts (password "demo") and more staff, ~200 companies, ~600 customers, ~1,200
 * cases with messages and notes, 30 days of past contacts and a knowledge base. All in one
 * transaction: a failure leaves the database empty.
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedCounts> {
  const rng = createRandom(options.seed ?? DEMO_SEED);
  const now = options.now ?? new Date();
  // One hash for every account: scrypt is deliberately slow, and these are demo passwords.
  const data = buildDemoData(rng, now, await hashPassword(DEMO_PASSWORD));

  const counts = Object.fromEntries(STEPS.map((step) => [step, data[step].length])) as SeedCounts;
  const total = STEPS.reduce((sum, step) => sum + counts[step], 0);
  let done = 0;
  await db.transaction(async (tx) => {
    for (const step of STEPS) {
      const rows: readonly object[] = data[step];
      for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
        const chunk = rows.slice(start, start + CHUNK_SIZE);
        await insertRows(tx, TABLES[step], chunk);
        done += chunk.length;
        options.onProgress?.(step, done, total);
      }
    }
    await seedCoaching(tx, data, now, rng.fork('coaching'));
  });
  return counts;
}

function insertRows(tx: Tx, table: PgTable, rows: object[]): Promise<unknown> {
  // The rows were typed against their own table when built (DemoData); the loop above only pairs them.
  return tx.insert(table).values(rows as PgTable['$inferInsert'][]);
}
