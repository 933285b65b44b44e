import type { Socket } from 'socket.io-client';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SinceResponse } from '../src-shared/protocol/sync';
import type { Ack } from '../src-shared/protocol/envelope';
import { startTestServer, type DatabaseKind, type TestServer } from '../tests/server/support/test-server';
import { percentile, progress, startTypeScriptWorker, type BenchRow } from './harness';
import type { FloodCounts, FloodInput } from './socket-flood.worker';

/** Console users who measure round trips; ana floods. */
const MEASURERS = ['ben', 'eva', 'carl', 'sofia', 'admin'] as const;
/** Each measuring socket stays inside the shipped budget of 20 events per second. */
const PACE_MS = 70;
const FLOOD_BURST = 5000;

/**
 * Issue 13's attack: one signed-in console emits 5,000 `sync:since {lastSyncId:0}` at once, and
 * again each time it is disconnected, while five other consoles each do a small catch-up every
 * 70 ms. The row pair compares their round trips with and without the flood, on the shipped limits.
 */
export async function socketFlood(
  kind: DatabaseKind,
  options: { roundTrips: number; floorP50: number; databaseUrl?: string },
): Promise<BenchRow[]> {
  const server = await startTestServer({
    kind,
    databaseUrl: options.databaseUrl,
    env: { AGENTDECK_SOCKET_EVENT_RATE_LIMIT: '20', AGENTDECK_USER_EVENT_RATE_LIMIT: '40' },
  });
  try {
    const sockets = await Promise.all(MEASURERS.map((user) => server.connect(user)));
    const quiet = await measure(sockets, options.roundTrips, `flood: round trips, quiet (${kind})`);
    const flooding = startFlood(server);
    await new Promise((resume) => setTimeout(resume, 1000)); // the flood under way before measuring
    const loud = await measure(sockets, options.roundTrips, `flood: round trips, flooded (${kind})`);
    const flood = await flooding.stop();
    const row = (metric: string, samples: number[], extra: string): BenchRow => ({
      bench: `flood (${kind})`,
      metric,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      ratio: percentile(samples, 50) / options.floorP50,
      extra,
    });
    const p99Ratio = percentile(loud.samples, 99) / percentile(quiet.samples, 99);
    return [
      row('other consoles’ catch-up round trip, no flood', quiet.samples, `${quiet.failed} failed`),
      row(
        'the same while one socket floods',
        loud.samples,
        `p99 ×${p99Ratio.toFixed(2)} of no flood; ${loud.failed} failed; flood: ${flood.sent} events sent, ` +
          `${flood.refused} answered rate_limited, ${flood.served} served, ${flood.disconnects} disconnects`,
      ),
    ];
  } finally {
    await server.close();
  }
}

/** `roundTrips` catch-ups spread over the sockets, each socket paced to its budget. */
async function measure(sockets: Socket[], roundTrips: number, label: string) {
  const samples: number[] = [];
  let failed = 0;
  const bar = progress(label, roundTrips);
  const perSocket = Math.ceil(roundTrips / sockets.length);
  await Promise.all(
    sockets.map(async (socket) => {
      const first = await socket.emitWithAck(SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
      const position = (first as Ack<SinceResponse>).ok
        ? (first as { data: SinceResponse }).data.lastSyncId
        : 1;
      for (let i = 0; i < perSocket; i++) {
        const start = performance.now();
        const answer = (await socket
          .timeout(10_000)
          .emitWithAck(SOCKET_EVENTS.syncSince, { lastSyncId: position })
          .catch(() => null)) as Ack<SinceResponse> | null;
        const ms = performance.now() - start;
        if (answer?.ok) samples.push(ms);
        else failed++;
        bar.tick();
        await new Promise((resume) => setTimeout(resume, Math.max(0, PACE_MS - ms)));
      }
    }),
  );
  bar.done();
  return { samples, failed };
}

/** Ana floods from a worker thread, reconnecting each time the server drops her, until stopped. */
function startFlood(server: TestServer) {
  const worker = server.login('ana').then(({ token }) =>
    startTypeScriptWorker(new URL('./socket-flood.worker.ts', import.meta.url), {
      url: server.url,
      token,
      burst: FLOOD_BURST,
    } satisfies FloodInput),
  );
  return {
    async stop(): Promise<FloodCounts> {
      const running = await worker;
      const counts = new Promise<FloodCounts>((resolve) => running.once('message', resolve));
      running.postMessage('stop');
      const result = await counts;
      await running.terminate();
      return result;
    },
  };
}
