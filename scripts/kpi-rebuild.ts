// `npm run kpi:rebuild`: recomputes the KPI projection from the event log (docs/KPIS.md).
import { openDatabase } from '../src-server/db/database';
import { readConfig } from '../src-server/platform/config';
import { rebuildKpis } from '../src-server/features/kpi/kpi-rebuild';
import { readKpiSettings } from '../src-server/features/kpi/kpi-settings';

const BAR_WIDTH = 30;

function bar(done: number, total: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(0)}% (${done}/${total})`;
}

const config = readConfig();
const database = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'embedded', dataDir: config.dataDir },
);
const started = Date.now();
const { events } = await rebuildKpis(database.db, readKpiSettings(process.env).projection, (position, last) =>
  process.stderr.write(`\rRebuilding KPIs ${bar(position, last)}`),
);
process.stderr.write(`\nFolded ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
await database.close();
