// The flooding console of the flood bench, on its own thread as an attacker is on their own
// machine: serialising 5,000 events per burst does not run on the server's thread. It floods,
// reconnects each time the server drops it, and reports its counts when told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import type { Ack } from '../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';

export interface FloodInput {
  url: string;
  token: string;
  burst: number;
}
export interface FloodCounts {
  sent: number;
  refused: number;
  served: number;
  disconnects: number;
}

const port = parentPort;
if (!port) throw new Error('run as a worker thread');
const input = workerData as FloodInput;
const counts: FloodCounts = { sent: 0, refused: 0, served: 0, disconnects: 0 };
let isStopped = false;
port.once('message', () => (isStopped = true));

while (!isStopped) {
  const socket = io(input.url, {
    auth: { token: input.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  for (let i = 0; i < input.burst; i++) {
    counts.sent++;
    socket.emit(SOCKET_EVENTS.syncSince, { lastSyncId: 0 }, (answer: Ack<unknown>) => {
      if (answer.ok) counts.served++;
      else if (answer.error.code === 'rate_limited') counts.refused++;
    });
  }
  await gone;
  counts.disconnects++;
}
port.postMessage(counts);
