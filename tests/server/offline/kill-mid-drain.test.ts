import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import {
  newOutboxEntry,
  nextToSend,
  outcomeOfError,
  transition,
  type OutboxEntry,
  type SendOutcome,
} from '../../../src-shared/domain/outbox';
import { CaseResponse } from '../../../src-shared/protocol/http';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { createTestDatabase, hasPostgres } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually } from '../support/test-server';

const hasPostgresHere = await hasPostgres();
const KINDS = hasPostgresHere ? (['embedded', 'postgres'] as const) : (['embedded'] as const);

const NOTES = 120;
/** Acknowledged changes before the kill: well into the drain, well before its end. */
const KILL_AFTER = 40;
const ACK_TIMEOUT_MS = 3_000;

/** A database of the given kind with the minimal organisation, and the env a server needs for it. */
async function ownDatabase(kind: 'embedded' | 'postgres') {
  if (kind === 'postgres') {
    const pg = await createTestDatabase();
    const seeding = await openDatabase({ kind: 'postgres', url: pg.url });
    await insertMinimalOrg(seeding.db);
    await seeding.close();
    return { env: { DATABASE_URL: pg.url }, drop: pg.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'agentdeck-kill-'));
  const seeding = await openDatabase({ kind: 'embedded', dataDir });
  await insertMinimalOrg(seeding.db);
  await seeding.close();
  return {
    env: { AGENTDECK_DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** ana's console's outbox after a shift offline: notes on one case, in the order she wrote them. */
function offlineNotes(): OutboxEntry[] {
  return Array.from({ length: NOTES }, (_, i) =>
    newOutboxEntry(
      {
        commandId: randomUUID(),
        type: 'case:add-note',
        payload: { caseId: ORG.cases.en, noteId: randomUUID(), body: `Offline note ${i + 1}`, visibility: 'internal' },
      },
      1_000 + i,
    ),
  );
}

const noteIdOf = (entry: OutboxEntry) => (entry.payload as { noteId: string }).noteId;

/**
 * Drains the outbox as the console's drainer does (the same pure rules: one entry at a time, in
 * order, a silent attempt retried later under the same command id) until it is empty or the
 * link is gone. Acknowledged entries leave it and are recorded.
 */
async function drain(socket: Socket, outbox: OutboxEntry[], acknowledged: string[]): Promise<void> {
  while (socket.connected) {
    const next = nextToSend(outbox, Date.now());
    if (!next) return;
    if (next.waitMs > 0) await new Promise((r) => setTimeout(r, next.waitMs));
    const { entry } = next;
    const outcome = await send(socket, entry);
    const step = transition(entry, outcome, Date.now());
    const at = outbox.findIndex((e) => e.commandId === entry.commandId);
    if (step.action === 'delete') {
      outbox.splice(at, 1);
      acknowledged.push(noteIdOf(entry));
    } else outbox[at] = step.entry;
  }
}

async function send(socket: Socket, entry: OutboxEntry): Promise<SendOutcome> {
  try {
    const ack = (await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(SOCKET_EVENTS.command, { commandId: entry.commandId, type: entry.type, payload: entry.payload })) as
      | { ok: true }
      | { ok: false; error: { code: 'internal'; message: string } };
    return ack.ok ? { kind: 'accepted' } : outcomeOfError(ack.error);
  } catch {
    return { kind: 'no-answer' };
  }
}

async function notesOnServer(server: ServerProcess): Promise<string[]> {
  const token = await signIn(server.url, 'ana', ORG.password);
  const res = await fetch(`${server.url}/api/v1/cases/${ORG.cases.en}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return CaseResponse.parse(await res.json()).case.notes.map((n) => n.id);
}

describe.each(KINDS)('kill -9 of the server while the outbox drains (%s database)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it(
    'keeps every acknowledged change exactly once after a restart on the same data, and takes the rest once',
    async () => {
      const database = await ownDatabase(kind);
      cleanups.push(database.drop);
      const outbox = offlineNotes();
      const writeOrder = outbox.map(noteIdOf);
      const acknowledged: string[] = [];

      const first = await startServerProcess(database.env);
      cleanups.push(first.stop);
      const link = await openSocket(first.url, await signIn(first.url, 'ana', ORG.password));
      cleanups.push(async () => void link.disconnect());
      const draining = drain(link, outbox, acknowledged);
      await eventually(() => acknowledged.length >= KILL_AFTER, 60_000, `${KILL_AFTER} acknowledged notes`);
      await first.crash();
      await draining;
      const acknowledgedBeforeKill = [...acknowledged];
      expect(acknowledgedBeforeKill.length).toBeLessThan(NOTES);

      // Restarted on the same data: the embedded data directory opens after the kill.
      const second = await startServerProcess(database.env);
      cleanups.push(second.stop);
      const onRestart = await notesOnServer(second);
      for (const noteId of acknowledgedBeforeKill) expect(onRestart.filter((id) => id === noteId)).toHaveLength(1);

      const relink = await openSocket(second.url, await signIn(second.url, 'ana', ORG.password));
      cleanups.push(async () => void relink.disconnect());
      await drain(relink, outbox, acknowledged);
      expect(outbox).toEqual([]);
      expect(second.errorLines()).toEqual([]);

      // Every note exactly once, in the order it was written: none lost, none doubled.
      expect(await notesOnServer(second)).toEqual(writeOrder);
      expect(new Set(acknowledged)).toEqual(new Set(writeOrder));
    },
    180_000,
  );
});
