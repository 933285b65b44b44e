import { ackSchema } from '../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import { SinceResponse } from '../src-shared/protocol/sync';
import { ORG } from '../tests/fixtures/minimal-org';
import { drainOutbox, offlineNotes } from '../tests/server/support/outbox-drain';
import { startTestServer, type DatabaseKind } from '../tests/server/support/test-server';
import type { Socket } from 'socket.io-client';
import { percentile, pool, progress, time, type BenchRow } from './harness';

/** The console's page size for `sync:since` (src-renderer/sync/sync-engine.ts). */
const PAGE_SIZE = 500;
/** Consoles writing the backlog of events at once (only to make the setup shorter). */
const WRITERS = 4;

/**
 * The two figures of an offline console coming back (issue 16): how fast its outbox of pending
 * writes drains (one entry at a time, in order, as the console sends them), and how long it
 * takes to catch up on what happened meanwhile (`sync:since` page after page).
 */
export async function offlineReturn(
  kind: DatabaseKind,
  options: { entries: number; events: number; catchUps: number; floorP50: number; databaseUrl?: string },
): Promise<BenchRow[]> {
  const server = await startTestServer({ kind, databaseUrl: options.databaseUrl });
  try {
    const ana = await server.connect('ana');
    // One event first: from position 0 the server answers a snapshot, not events.
    await drainOutbox(ana, offlineNotes(ORG.cases.en, 1), () => undefined);
    const start = await positionNow(ana);

    // Drain: one pending note after the other, each time from the send to its ack.
    const outbox = offlineNotes(ORG.cases.en, options.entries);
    const perEntry: number[] = [];
    const drainBar = progress(`outbox drain, ${options.entries} entries (${kind})`, options.entries);
    let last = performance.now();
    const [, drainMs] = await time(() =>
      drainOutbox(ana, outbox, () => {
        const now = performance.now();
        perEntry.push(now - last);
        last = now;
        drainBar.tick();
      }),
    );
    drainBar.done();
    if (outbox.length > 0) throw new Error(`${outbox.length} outbox entries were not accepted`);
    const rate = Math.round(options.entries / (drainMs / 1000));
    process.stderr.write(
      `  outbox drain: ${rate} entries/s, p50 ${percentile(perEntry, 50).toFixed(2)} ms\n`,
    );

    // The rest of the backlog other consoles wrote while this one was away.
    const rest = options.events - options.entries;
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => server.connect('ana')));
    const backlogBar = progress(`writing ${rest} more events (${kind})`, rest);
    await pool(writers, WRITERS, (writer) =>
      drainOutbox(writer, offlineNotes(ORG.cases.en, Math.ceil(rest / WRITERS)), () => backlogBar.tick()),
    );
    backlogBar.done();

    const catchUps: number[] = [];
    let eventsSeen = 0;
    const catchUpBar = progress(`catch-up of ${options.events} events (${kind})`, options.catchUps);
    for (let i = 0; i < options.catchUps; i++) {
      const [count, ms] = await time(() => catchUpFrom(ana, start));
      catchUps.push(ms);
      eventsSeen = count;
      catchUpBar.tick();
    }
    catchUpBar.done();
    if (eventsSeen < options.events)
      throw new Error(`catch-up brought ${eventsSeen} events, not ${options.events}`);

    return [
      {
        bench: `offline (${kind})`,
        metric: 'outbox drain: send → ack, per entry',
        p50: percentile(perEntry, 50),
        p99: percentile(perEntry, 99),
        ratio: percentile(perEntry, 50) / options.floorP50,
        extra: `${options.entries} pending notes in order: **${rate} entries/s** (${Math.round(drainMs)} ms in all)`,
      },
      {
        bench: `offline (${kind})`,
        metric: `catch-up of ${eventsSeen.toLocaleString('en')} events`,
        p50: percentile(catchUps, 50),
        p99: percentile(catchUps, 99),
        ratio: percentile(catchUps, 50) / options.floorP50,
        extra: `sync:since in pages of ${PAGE_SIZE}, parsed as the console does; ${options.catchUps} catch-ups; target ≤ 2 s`,
      },
    ];
  } finally {
    await server.close();
  }
}

async function positionNow(socket: Socket): Promise<number> {
  let position = 0;
  for (;;) {
    const page = await sincePage(socket, position);
    position = page.lastSyncId;
    if (!page.hasMore) return position;
  }
}

/** A console's catch-up from `from`: every page until the server says there is no more; the events seen. */
async function catchUpFrom(socket: Socket, from: number): Promise<number> {
  let position = from;
  let events = 0;
  for (;;) {
    const page = await sincePage(socket, position);
    events += page.events.length;
    position = page.lastSyncId;
    if (!page.hasMore) return events;
  }
}

async function sincePage(socket: Socket, lastSyncId: number): Promise<SinceResponse> {
  const ack: unknown = await socket.emitWithAck(SOCKET_EVENTS.syncSince, { lastSyncId, limit: PAGE_SIZE });
  const parsed = SinceResponseAck.parse(ack);
  if (!parsed.ok) throw new Error(`sync:since refused: ${parsed.error.message}`);
  return parsed.data;
}

const SinceResponseAck = ackSchema(SinceResponse);
