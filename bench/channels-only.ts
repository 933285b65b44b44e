// Channels alone (while developing): `npx tsx bench/channels-only.ts`; prints, records nothing.
import { createTestDatabase } from '../tests/server/support/services';
import { toMarkdown } from './harness';
import { socketEchoFloor } from './socket-echo.bench';
import { channelIntake } from './channels.bench';

const floor = await socketEchoFloor(1000);
const sizes = { webhooks: 500, emails: 200, offers: 60, concurrency: 16, floorP50: floor.floorP50 };
const rows = [...floor.rows, ...(await channelIntake('embedded', sizes))];
const database = await createTestDatabase();
try {
  rows.push(...(await channelIntake('postgres', { ...sizes, databaseUrl: database.url })));
} finally {
  await database.drop();
}
console.log(`\n${toMarkdown(rows)}\n`);
process.exit(0);
