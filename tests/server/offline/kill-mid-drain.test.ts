import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import { CaseResponse } from '../../../src-shared/protocol/http';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { drainOutbox, noteIdOf, offlineNotes } from '../support/outbox-drain';
import { createTestDatabase, hasPostgres } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually } from '../support/test-server';

const hasPostgresHere = await hasPostgres();
const KINDS = hasPostgresHere ? (['embedded', 'postgres'] as const) : (['embedded'] as const);

const NOTES = 120;
/** Acknowledged changes before the kill: well into the drain, well before its end. */
const KILL_AFTER = 40;

/** A database of the given kind with the minimal organisation, and the env a server needs for it. */
async function ownDatabase(
  kind: 'embedded' | 'postgres',
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
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

  it('keeps every acknowledged change exactly once after a restart on the same data, and takes the rest once', async () => {
    const database = await ownDatabase(kind);
    cleanups.push(database.drop);
    const outbox = offlineNotes(ORG.cases.en, NOTES);
    const writeOrder = outbox.map(noteIdOf);
    const acknowledged: string[] = [];

    const first = await startServerProcess(database.env);
    cleanups.push(first.stop);
    const link = await openSocket(first.url, await signIn(first.url, 'ana', ORG.password));
    cleanups.push(async () => void link.disconnect());
    const draining = drainOutbox(link, outbox, (entry) => acknowledged.push(noteIdOf(entry)));
    await eventually(() => acknowledged.length >= KILL_AFTER, 60_000, `${KILL_AFTER} acknowledged notes`);
    await first.crash();
    await draining;
    const acknowledgedBeforeKill = [...acknowledged];
    expect(acknowledgedBeforeKill.length).toBeLessThan(NOTES);

    // Restarted on the same data: the embedded data directory opens after the kill.
    const second = await startServerProcess(database.env);
    cleanups.push(second.stop);
    const onRestart = await notesOnServer(second);
    for (const noteId of acknowledgedBeforeKill)
      expect(onRestart.filter((id) => id === noteId)).toHaveLength(1);

    const relink = await openSocket(second.url, await signIn(second.url, 'ana', ORG.password));
    cleanups.push(async () => void relink.disconnect());
    await drainOutbox(relink, outbox, (entry) => acknowledged.push(noteIdOf(entry)));
    expect(outbox).toEqual([]);
    expect(second.errorLines()).toEqual([]);

    // Every note exactly once, in the order it was written: none lost, none doubled.
    const ours = new Set(writeOrder);
    expect((await notesOnServer(second)).filter((id) => ours.has(id))).toEqual(writeOrder);
    expect(new Set(acknowledged)).toEqual(new Set(writeOrder));
  }, 180_000);
});
