import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { percentile, progress, time, type BenchRow } from './harness';

/** The floor: a bare socket.io round trip on this machine, nothing of ours in the path. */
export async function socketEchoFloor(roundTrips = 2000): Promise<{ rows: BenchRow[]; floorP50: number }> {
  const http = createServer();
  const io = new Server(http);
  io.on('connection', (socket) =>
    socket.on('echo', (payload: unknown, ack: (p: unknown) => void) => ack(payload)),
  );
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  await new Promise<void>((r) => client.once('connect', () => r()));
  const bar = progress('socket.io echo', roundTrips);
  const samples: number[] = [];
  for (let i = 0; i < roundTrips; i++) {
    const [, ms] = await time(() => client.emitWithAck('echo', { i, text: 'ping' }));
    samples.push(ms);
    bar.tick();
  }
  bar.done();
  client.disconnect();
  io.close();
  const floorP50 = percentile(samples, 50);
  return {
    floorP50,
    rows: [
      {
        bench: 'floor',
        metric: 'socket.io echo round trip',
        p50: floorP50,
        p99: percentile(samples, 99),
        ratio: 1,
        extra: `${roundTrips} round trips`,
      },
    ],
  };
}
