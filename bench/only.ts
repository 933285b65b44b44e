// One benchmark alone while developing, printed and not recorded:
// `npx tsx bench/only.ts routing|channels|flood|offline|reassign [embedded|postgres]`.
import { createTestDatabase } from '../tests/server/support/services';
import { toMarkdown, type BenchRow } from './harness';
import { socketEchoFloor } from './socket-echo.bench';
import { channelIntake } from './channels.bench';
import { routingLatency, routingThroughput } from './routing.bench';
import { socketFlood } from './socket-flood.bench';
import { offlineReturn } from './offline.bench';
import { reassignPropagation } from './reassign.bench';
import type { DatabaseKind } from '../tests/server/support/test-server';

const [name, only] = process.argv.slice(2);
const floor = await socketEchoFloor(1000);
type Bench = (kind: DatabaseKind, databaseUrl?: string) => Promise<BenchRow[]>;
const routing = { agents: 200, perSecond: 20, seconds: 15, floorP50: floor.floorP50 };
/** Each bench starts its own server; on PostgreSQL each gets a fresh database. */
const benches: Record<string, Bench[]> = {
  channels: [
    (kind, databaseUrl) =>
      channelIntake(kind, {
        webhooks: 500,
        emails: 200,
        offers: 60,
        concurrency: 16,
        floorP50: floor.floorP50,
        databaseUrl,
      }),
  ],
  flood: [
    (kind, databaseUrl) => socketFlood(kind, { roundTrips: 300, floorP50: floor.floorP50, databaseUrl }),
  ],
  offline: [
    (kind, databaseUrl) =>
      offlineReturn(kind, {
        entries: 1000,
        events: 10_000,
        catchUps: 5,
        floorP50: floor.floorP50,
        databaseUrl,
      }),
  ],
  reassign: [
    (kind, databaseUrl) =>
      reassignPropagation(kind, { agents: 500, moves: 300, floorP50: floor.floorP50, databaseUrl }),
  ],
  routing: [
    (kind, databaseUrl) => routingLatency(kind, { ...routing, databaseUrl }),
    async (kind, databaseUrl) =>
      kind === 'embedded'
        ? []
        : routingThroughput(kind, {
            ...routing,
            rates: [400, 800, 1000, 1200],
            stepSeconds: 2,
            databaseUrl,
          }),
  ],
};
const chosen = name ? benches[name] : undefined;
if (!chosen)
  throw new Error(`usage: npx tsx bench/only.ts ${Object.keys(benches).join('|')} [embedded|postgres]`);

const rows = [...floor.rows];
for (const bench of chosen) {
  if (only !== 'postgres') rows.push(...(await bench('embedded')));
  if (only === 'embedded') continue;
  const database = await createTestDatabase();
  try {
    rows.push(...(await bench('postgres', database.url)));
  } finally {
    await database.drop();
  }
}
console.log(`\n${toMarkdown(rows)}\n`);
process.exit(0);
