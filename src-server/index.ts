import { readConfig } from './platform/config';
import { openDatabase } from './db/database';
import { isEmpty, seedDemoData } from './db/seed';
import { connectRedisAdapter } from './platform/redis-adapter';
import { createApp } from './app';
import { appendDemoHistory } from './features/kpi/demo-history';
import { inboundSmtpPort } from './channels/email/email-in.channel';

/** Wires real adapters from the environment and listens. Everything else lives in createApp. */
async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'embedded', dataDir: config.dataDir },
  );
  if (config.demoSeed && (await isEmpty(database.db))) {
    process.stdout.write('Seeding demo data…\n');
    const counts = await seedDemoData(database.db, {
      onProgress: (step, done, total) => process.stdout.write(`\r  ${step}: ${done}/${total}        `),
    });
    process.stdout.write(`\r  done: ${JSON.stringify(counts)}\n`);
    await appendDemoHistory(database.db, (done, total) =>
      process.stdout.write(`\r  contact history for the reports: ${done}/${total}        `),
    );
    process.stdout.write('\n');
  }
  const redis = config.redisUrl ? await connectRedisAdapter(config.redisUrl) : null;
  const app = await createApp({
    config,
    database,
    configureSockets: redis?.install,
    sharedLimitStore: redis?.limitStore,
  });
  const url = await app.listen();
  const shown = url.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    [
      '',
      `Agentdeck server on ${database.kind === 'embedded' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}${redis ? ' with Redis' : ''}`,
      `  Console:  ${shown}/`,
      `  API:      ${shown}/api/v1/openapi.json`,
      `  SMTP in:  port ${inboundSmtpPort(app.channels)} for ${config.supportAddresses.join(', ')}`,
      ...(config.demoSeed
        ? ['  Demo accounts (password "demo"): ana, ben (agents), carl (coach), sofia (supervisor), admin']
        : []),
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'stopping');
    await app.close();
    await redis?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
