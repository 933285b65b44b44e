import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';

/** A command id names one command: repeated, it answers as it did; reused for another, it is a conflict. */
describe.each(KINDS)('a command id reused on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket;

  const note = (noteId: string, body: string) => ({
    caseId: ORG.cases.en,
    noteId,
    body,
    visibility: 'internal',
  });
  const notesWith = async (noteIds: string[]) => {
    const result = await server.database.db.execute(
      sql`select id, body from notes where id in (${sql.join(noteIds, sql`, `)}) order by id`,
    );
    return (result as unknown as { rows: { id: string; body: string }[] }).rows;
  };

  beforeAll(async () => {
    ana = await server.connect('ana');
  });

  it('answers a repeat of the same command with the first result, applied once', async () => {
    const commandId = randomUUID();
    const noteId = randomUUID();
    const first = await runCommand(ana, 'case:add-note', note(noteId, 'Called back, no answer'), {
      commandId,
    });
    const again = await runCommand(ana, 'case:add-note', note(noteId, 'Called back, no answer'), {
      commandId,
    });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await notesWith([noteId])).toHaveLength(1);
  });

  it('answers a conflict when the same id comes with another payload, and changes nothing', async () => {
    const commandId = randomUUID();
    const noteId = randomUUID();
    const otherNoteId = randomUUID();
    expect((await runCommand(ana, 'case:add-note', note(noteId, 'The real note'), { commandId })).ok).toBe(
      true,
    );

    // The same entity with another text, then another entity altogether, under the same id.
    for (const payload of [note(noteId, 'A different text'), note(otherNoteId, 'Another note')]) {
      expect(await runCommand(ana, 'case:add-note', payload, { commandId })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    }
    // Another type of command under the same id.
    expect(await runCommand(ana, 'agent:set-state', { state: 'available' }, { commandId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await notesWith([noteId, otherNoteId])).toEqual([{ id: noteId, body: 'The real note' }]);
    // The original still answers as it did.
    expect((await runCommand(ana, 'case:add-note', note(noteId, 'The real note'), { commandId })).ok).toBe(
      true,
    );
  });
});
