// One benchmark alone while developing, printed and not recorded:
// `npx tsx bench/only.ts routing|channels [embedded|postgres]`.
import { createTestDatabase } from '../tests/server/support/services';
import { toMarkdown, type BenchRow } from './harness';
import { socketEchoFloor } from './socket-echo.bench';
import { channelIntake } from './channels.bench';
import { routingLatency, routingThroughput } from './routing.bench';
import type { DatabaseKind } from '../tests/server/support/test-server';

const [name, only] = process.argv.slice(2);
const floor = await socketEchoFloor(1000);
const benches: Record<string, (kind: DatabaseKind, databaseUrl?: string) => Promise<BenchRow[]>> = {
  channels: (kind, databaseUrl) =>
    channelIntake(kind, {
      webhooks: 500,
      emails: 200,
      offers: 60,
      concurrency: 16,
      floorP50: floor.floorP50,
      databaseUrl,
    }),
  routing: async (kind, databaseUrl) => {
    const options = { agents: 200, perSecond: 20, seconds: 15, floorP50: floor.floorP50, databaseUrl };
    const rows = await routingLatency(kind, options);
    if (kind === 'embedded') return rows;
    const rates = [200, 400, 800, 1200, 1600];
    return [...rows, ...(await routingThroughput(kind, { ...options, rates, stepSeconds: 2 }))];
  },
};
const bench = name ? benches[name] : undefined;
if (!bench)
  throw new Error(`usage: npx tsx bench/only.ts ${Object.keys(benches).join('|')} [embedded|postgres]`);

const rows = [...floor.rows];
if (only !== 'postgres') rows.push(...(await bench('embedded')));
if (only !== 'embedded') {
  const database = await createTestDatabase();
  try {
    rows.push(...(await bench('postgres', database.url)));
  } finally {
    await database.drop();
  }
}
console.log(`\n${toMarkdown(rows)}\n`);
process.exit(0);
