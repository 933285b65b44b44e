import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server } from 'socket.io';

/**
 * Lets several server nodes share rooms and broadcasts through Redis Streams, so an event
 * committed on one node reaches consoles connected to any other.
 */
export async function connectRedisAdapter(
  url: string,
  options: { streamName?: string } = {},
): Promise<{ install(io: Server): void; close(): Promise<void> }> {
  const client = createClient({ url });
  // Connection errors are retried by the client; they must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return {
    install: (io) =>
      void io.adapter(createAdapter(client, { streamName: options.streamName ?? 'agentdeck' })),
    close: async () => void (await client.quit().catch(() => undefined)),
  };
}
