// `npm run bench:kpi [-- --contacts 1000000]`: KPI reads on a year of history, on the embedded
// database and PostgreSQL, and the projection's cost on one contact command. Generation (not
// timed) shows a progress bar; each target is timed over several runs (p50 and worst).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src-server/db/database';
import { queues, teams } from '../../src-server/db/schema';
import { loadQueueFacts, rowZones } from '../../src-server/features/kpi/kpi-context';
import { readKpiReport } from '../../src-server/features/kpi/kpi-report';
import { readKpiSettings } from '../../src-server/features/kpi/kpi-settings';
import { addRows } from '../../src-server/features/kpi/kpi-store';
import { KpiQuery } from '../../src-shared/protocol/kpi-report';
import { createTestDatabase, hasPostgres } from '../../tests/server/support/services';
import { runCommand } from '../../tests/server/support/contact-commands';
import { startTestServer } from '../../tests/server/support/test-server';
import { ORG } from '../../tests/fixtures/minimal-org';
import { percentile, progress } from '../harness';
import { socketEchoFloor } from '../socket-echo.bench';
import { BENCH_QUEUES, generateYear } from './kpi-history';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const CONTACTS = arg('contacts', 100_000);
const RUNS = 5;
const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const settings = readKpiSettings({}).read;

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), max: Math.max(...times) };
}

async function readsOn(kind: string, database: Database, rows: ReturnType<typeof generateYear>) {
  const db = database.db;
  await db.insert(teams).values(Array.from({ length: 6 }, (_, i) => ({ id: `bt${i}`, name: `Team ${i}` })));
  await db.insert(queues).values(
    BENCH_QUEUES.map((id, i) => ({
      id,
      name: id,
      teamId: `bt${i % 6}`,
      language: 'en',
      channels: ['phone'],
      routing: {
        businessHours: { timeZone: i % 2 ? 'Europe/Madrid' : 'America/New_York', weekly: [], holidays: [] },
      },
    })),
  );
  const queueFacts = await loadQueueFacts(db);
  const zoneOf = rowZones(queueFacts);
  const bar = progress(`${kind}: storing ${rows.length} interval rows and their days`, rows.length);
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db.transaction((tx) => addRows(tx, chunk, zoneOf));
    bar.tick(chunk.length);
  }
  bar.done();
  await db.execute(sql`analyze kpi_intervals`);
  await db.execute(sql`analyze kpi_days`);
  const year = KpiQuery.parse({ from: '2025-01-01', to: '2025-12-31', interval: 'day', groupBy: 'queue' });
  const oneDay = KpiQuery.parse({ from: '2025-06-10', to: '2025-06-10', interval: '15m', queue: 'bq1' });
  const yearTimes = await timed(RUNS, () => readKpiReport(db, year, {}, queueFacts, settings, Date.now()));
  const dayTimes = await timed(RUNS * 4, () =>
    readKpiReport(db, oneDay, { queueId: 'bq1' }, queueFacts, settings, Date.now()),
  );
  const check = await readKpiReport(db, year, {}, queueFacts, settings, Date.now());
  const counted = await db.execute(sql`select count(*)::int as n from kpi_days`);
  const [days] = (counted as unknown as { rows: { n: number }[] }).rows;
  return {
    yearTimes,
    dayTimes,
    yearRows: check.rows.length,
    offered: check.total.offered.value,
    dayRows: days?.n ?? 0,
  };
}

async function projectionCost(): Promise<{ commandP50: number; foldP50: number }> {
  const server = await startTestServer({ kind: 'embedded' });
  const sofia = await server.connect('sofia');
  await server.app.kpi.stop();
  const commands: number[] = [];
  const folds: number[] = [];
  for (let i = 0; i < 200; i++) {
    await server.app.kpi.catchUp();
    const started = performance.now();
    const ack = await runCommand(sofia, 'contact:create', {
      contactId: randomUUID(),
      channel: 'email',
      queueId: ORG.queues.en,
      from: 'bench@example.com',
      subject: `bench ${i}`,
    });
    commands.push(performance.now() - started);
    if (!ack.ok) throw new Error(ack.error.message);
    const folding = performance.now();
    await server.app.kpi.catchUp();
    folds.push(performance.now() - folding);
  }
  await server.close();
  return { commandP50: percentile(commands, 50), foldP50: percentile(folds, 50) };
}

const { floorP50 } = await socketEchoFloor(500);
const ratio = (ms: number) => `${(ms / floorP50).toFixed(0)}×`;
const bar = progress(`generating ${CONTACTS} contacts over 2025`, CONTACTS);
let shown = 0;
const rows = generateYear(CONTACTS, YEAR_START, (done) => {
  bar.tick(done - shown);
  shown = done;
});
bar.done();

/** One database's line: each read's p50 (worst) and its ratio to the socket.io echo floor. */
const line = (name: string, r: Awaited<ReturnType<typeof readsOn>>) =>
  `| ${name} | ${CONTACTS} | ${rows.length} | ${r.dayRows} | ${r.yearTimes.p50.toFixed(0)} (max ${r.yearTimes.max.toFixed(0)}), ${ratio(r.yearTimes.p50)} | ${r.dayTimes.p50.toFixed(1)} (max ${r.dayTimes.max.toFixed(1)}), ${ratio(r.dayTimes.p50)} |`;
const results: string[] = [];
const embedded = await openDatabase({ kind: 'embedded', dataDir: null });
const onPglite = await readsOn('embedded', embedded, rows);
await embedded.close();
results.push(line('embedded (PGlite)', onPglite));
if (await hasPostgres()) {
  const pg = await createTestDatabase();
  const database = await openDatabase({ kind: 'postgres', url: pg.url });
  const onPg = await readsOn('postgres', database, rows);
  await database.close();
  await pg.drop();
  results.push(line('PostgreSQL', onPg));
}
const cost = await projectionCost();
process.stdout.write(
  [
    `floor: socket.io echo round trip p50 ${floorP50.toFixed(2)} ms`,
    '| database | contacts | interval rows | day rows | year by queue and day, ms p50, ÷ floor | one day one queue by 15 min, ms p50, ÷ floor |',
    '|---|---|---|---|---|---|',
    ...results,
    '',
    `year check: ${onPglite.yearRows} queue-days, ${onPglite.offered} offered`,
    `projection on one contact:create (embedded): command p50 ${cost.commandP50.toFixed(1)} ms, fold p50 ${cost.foldP50.toFixed(1)} ms, ratio ${((cost.commandP50 + cost.foldP50) / cost.commandP50).toFixed(2)}`,
  ].join('\n') + '\n',
);
