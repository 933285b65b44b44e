import { randomUUID } from 'node:crypto';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SyncEvent } from '../src-shared/protocol/sync';
import { startTestServer, type DatabaseKind } from '../tests/server/support/test-server';
import { percentile, progress, type BenchRow } from './harness';

/** An agent changes state; how long until the supervisor's board socket has the event, and until the agent has its ack. */
export async function commandToPush(
  kind: DatabaseKind,
  options: { commands: number; floorP50: number; databaseUrl?: string },
): Promise<BenchRow[]> {
  const server = await startTestServer({ kind, databaseUrl: options.databaseUrl });
  try {
    const ana = await server.connect('ana');
    const sofia = await server.connect('sofia');
    const acks: number[] = [];
    const pushes: number[] = [];
    const bar = progress(`command → ack and push (${kind})`, options.commands);
    for (let i = 0; i < options.commands; i++) {
      const state = i % 2 === 0 ? 'available' : 'offline';
      const start = performance.now();
      const pushed = new Promise<number>((resolve) => {
        const listener = (event: SyncEvent) => {
          if (event.entityId === 'usr_ana' && (event.payload as { state: string }).state === state) {
            sofia.off(SOCKET_EVENTS.syncEvent, listener);
            resolve(performance.now() - start);
          }
        };
        sofia.on(SOCKET_EVENTS.syncEvent, listener);
      });
      await ana.emitWithAck(SOCKET_EVENTS.command, {
        commandId: randomUUID(),
        type: 'agent:set-state',
        payload: { state },
      });
      acks.push(performance.now() - start);
      pushes.push(await pushed);
      bar.tick();
    }
    bar.done();
    const row = (metric: string, values: number[]): BenchRow => ({
      bench: `command (${kind})`,
      metric,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
      ratio: percentile(values, 50) / options.floorP50,
      extra: `${options.commands} state changes, one at a time`,
    });
    return [row('agent command → ack', acks), row("agent command → supervisor's push", pushes)];
  } finally {
    await server.close();
  }
}
