// `npm run bench [-- --quick]`: every benchmark, with ratios against a socket.io echo floor
// measured in the same run; the table is printed and recorded in docs/BENCHMARKS.md.
import { createTestDatabase, hasPostgres } from '../tests/server/support/services';
import { recordResults, toMarkdown, type BenchRow } from './harness';
import { socketEchoFloor } from './socket-echo.bench';
import { consoleSessions } from './console-sessions.bench';
import { commandToPush } from './command-push.bench';
import { routingLatency, routingThroughput } from './routing.bench';
import { channelIntake } from './channels.bench';
import { socketFlood } from './socket-flood.bench';
import { coachingAnalytics } from './coaching-analytics.bench';
import { offlineReturn } from './offline.bench';
import { reassignPropagation } from './reassign.bench';

const quick = process.argv.includes('--quick');
const command = `npm run bench${quick ? ' -- --quick' : ''}`;

const floor = await socketEchoFloor(quick ? 300 : 2000);
const rows: BenchRow[] = [...floor.rows];
const sizes = quick
  ? { clients: 40, concurrency: 10, logEvents: 100, commands: 100 }
  : { clients: 200, concurrency: 20, logEvents: 1000, commands: 500 };
const routing = {
  agents: 200,
  perSecond: 20,
  seconds: quick ? 5 : 30,
  rates: [100, 200, 400, 800, 1000, 1200, 1600],
  stepSeconds: quick ? 1 : 2,
  floorP50: floor.floorP50,
};

rows.push(...(await consoleSessions('embedded', { ...sizes, floorP50: floor.floorP50 })));
rows.push(...(await commandToPush('embedded', { commands: sizes.commands, floorP50: floor.floorP50 })));
rows.push(...(await routingLatency('embedded', routing)));
const reassign = { agents: quick ? 100 : 500, moves: quick ? 50 : 300, floorP50: floor.floorP50 };
rows.push(...(await reassignPropagation('embedded', reassign)));
const channels = quick
  ? { webhooks: 100, emails: 50, offers: 20, concurrency: 8, floorP50: floor.floorP50 }
  : { webhooks: 1000, emails: 300, offers: 100, concurrency: 16, floorP50: floor.floorP50 };
rows.push(...(await channelIntake('embedded', channels)));
const flood = { roundTrips: quick ? 150 : 300, floorP50: floor.floorP50 };
rows.push(...(await socketFlood('embedded', flood)));
rows.push(...(await coachingAnalytics('embedded', { floorP50: floor.floorP50 })));
const offline = quick
  ? { entries: 200, events: 2_000, catchUps: 3, floorP50: floor.floorP50 }
  : { entries: 1_000, events: 10_000, catchUps: 5, floorP50: floor.floorP50 };
rows.push(...(await offlineReturn('embedded', offline)));
if (await hasPostgres()) {
  for (const bench of [
    (url: string) => consoleSessions('postgres', { ...sizes, floorP50: floor.floorP50, databaseUrl: url }),
    (url: string) =>
      commandToPush('postgres', { commands: sizes.commands, floorP50: floor.floorP50, databaseUrl: url }),
    (url: string) => routingLatency('postgres', { ...routing, databaseUrl: url }),
    (url: string) => routingThroughput('postgres', { ...routing, databaseUrl: url }),
    (url: string) => reassignPropagation('postgres', { ...reassign, databaseUrl: url }),
    (url: string) => channelIntake('postgres', { ...channels, databaseUrl: url }),
    (url: string) => socketFlood('postgres', { ...flood, databaseUrl: url }),
    (url: string) => coachingAnalytics('postgres', { floorP50: floor.floorP50, databaseUrl: url }),
    (url: string) => offlineReturn('postgres', { ...offline, databaseUrl: url }),
  ]) {
    const database = await createTestDatabase();
    try {
      rows.push(...(await bench(database.url)));
    } finally {
      await database.drop();
    }
  }
}

const markdown = toMarkdown(rows);
console.log(`\n${markdown}\n`);
console.log(`Recorded in ${recordResults(markdown, command)}`);
process.exit(0);
