import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server } from 'socket.io';
import type { SharedLimitStore } from './rate-limits';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * Lets several server nodes share rooms and broadcasts through Redis Streams, so an event
 * committed on one node reaches consoles connected to any other; the same connection keeps the
 * rate-limit counters all nodes share (under the stream's name as prefix).
 */
export async function connectRedisAdapter(
  url: string,
  options: { streamName?: string } = {},
): Promise<{ install(io: Server, log?: Log): void; limitStore: SharedLimitStore; close(): Promise<void> }> {
  const streamName = options.streamName ?? 'agentdeck';
  const client = createClient({ url });
  let log: Log | undefined;
  let isBroken = false;
  // The client reconnects by itself (with backoff); an error must not crash the process, and one
  // line per outage says what happened without a line per retry.
  client.on('error', (err: unknown) => {
    if (isBroken) return;
    isBroken = true;
    log?.warn({ err }, 'the Redis connection broke; reconnecting');
  });
  client.on('ready', () => {
    if (isBroken) log?.info({}, 'Redis is reachable again');
    isBroken = false;
  });
  await client.connect();
  return {
    install: (io, withLog) => {
      log = withLog;
      // The adapter's pub/sub channels (fetchSockets, serverSideEmit and their answers) and session
      // keys are named by channelPrefix and sessionKeyPrefix, not by the stream: without a prefix of
      // their own, two deployments sharing a Redis answer each other's "which sockets are in
      // user:ana?" (every test server's Ana looked connected to every other's).
      io.adapter(
        createAdapter(client, {
          streamName,
          channelPrefix: streamName,
          sessionKeyPrefix: `${streamName}:session:`,
        }),
      );
    },
    limitStore: { client, keyPrefix: `${streamName}:limits` },
    close: async () => void (await client.quit().catch(() => undefined)),
  };
}
