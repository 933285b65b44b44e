import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../src-shared/protocol/envelope';
import { db } from '../data/db';
import { saveNote } from '../data/notes-repository';
import { readOutbox } from '../data/outbox-repository';

// The link is the one thing faked: the drainer, the outbox rules and Dexie (fake-indexeddb) are real.
const sent: { commandId: string; payload: { body: string } }[] = [];
let answer: (command: {
  commandId: string;
  payload: { body: string; noteId: string };
}) => Ack<unknown> | 'silence';
vi.mock('./socket-link', () => ({
  isLinkConnected: () => true,
  refreshAndRenew: async () => undefined,
  NoAnswerError: class NoAnswerError extends Error {},
  request: async (
    _event: string,
    command: { commandId: string; payload: { body: string; noteId: string } },
  ) => {
    sent.push(command);
    const reply = answer(command);
    if (reply === 'silence') {
      const { NoAnswerError } = await import('./socket-link');
      throw new NoAnswerError();
    }
    return reply;
  },
}));
const { kickOutbox, stopOutbox } = await import('./outbox-drainer');

const ana = { id: 'usr_ana', username: 'ana', displayName: 'Ana Torres', roles: ['agent' as const] };
const serverNote = (command: { payload: { body: string; noteId: string } }) => ({
  id: command.payload.noteId,
  caseId: 'case_1',
  authorId: 'usr_ana',
  authorName: 'Ana Torres',
  body: command.payload.body,
  visibility: 'internal',
  createdAt: new Date().toISOString(),
});

async function drained(): Promise<void> {
  kickOutbox();
  await vi.waitFor(async () =>
    expect((await readOutbox()).filter((e) => e.status === 'pending' && !e.nextAttemptAt)).toHaveLength(0),
  );
}

beforeEach(() => {
  sent.length = 0;
});

afterEach(async () => {
  stopOutbox();
  await db.delete({ disableAutoOpen: false });
});

describe('the outbox drainer', () => {
  it('sends entries one at a time in the order they were written, and empties the outbox', async () => {
    answer = (command) => ({ ok: true, data: { syncId: 1, entity: serverNote(command) } });
    await saveNote(ana, { caseId: 'case_1', body: 'first', visibility: 'internal' }, 1_000);
    await saveNote(ana, { caseId: 'case_1', body: 'second', visibility: 'internal' }, 2_000);
    await drained();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(sent.map((c) => c.payload.body)).toEqual(['first', 'second']);
    expect((await db.notes.toArray()).every((n) => n.pending === 0)).toBe(true);
  });

  it('wakes by itself when a write reaches the outbox: nobody has to kick it', async () => {
    answer = (command) => ({ ok: true, data: { syncId: 1, entity: serverNote(command) } });
    const note = await saveNote(ana, { caseId: 'case_1', body: 'sent unasked', visibility: 'internal' });
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(sent.map((c) => c.payload.body)).toEqual(['sent unasked']);
    expect(await db.notes.get(note.id)).toMatchObject({ pending: 0 });
  });

  it('keeps an unanswered entry for a retry with the same commandId', async () => {
    answer = () => 'silence';
    const note = await saveNote(ana, { caseId: 'case_1', body: 'lost ack', visibility: 'internal' });
    kickOutbox();
    await vi.waitFor(async () => expect((await readOutbox())[0]?.attempts).toBe(1));
    const [entry] = await readOutbox();
    expect(entry).toMatchObject({ commandId: note.pendingCommandId, status: 'pending' });
    expect(entry?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(sent).toHaveLength(1);
    expect(await db.notes.get(note.id)).toMatchObject({ pending: 1 });
  });

  it('retries, never marks refused, an entry the server could not apply while its database was away', async () => {
    answer = () => ({
      ok: false,
      error: { code: 'unavailable', message: 'The database is unavailable; send the command again' },
    });
    const note = await saveNote(ana, { caseId: 'case_1', body: 'during a failover', visibility: 'internal' });
    kickOutbox();
    await vi.waitFor(async () => expect((await readOutbox())[0]?.attempts).toBe(1));
    const [entry] = await readOutbox();
    expect(entry).toMatchObject({ commandId: note.pendingCommandId, status: 'pending' });
    expect(entry?.problem).toBeUndefined();
    expect(entry?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await db.notes.get(note.id)).toMatchObject({ pending: 1 });
  });

  it('marks a refused entry failed with the reason and goes on with the next', async () => {
    answer = (command) =>
      command.payload.body === 'not allowed'
        ? { ok: false, error: { code: 'forbidden', message: 'Not your queue' } }
        : { ok: true, data: { syncId: 2, entity: serverNote(command) } };
    await saveNote(ana, { caseId: 'case_1', body: 'not allowed', visibility: 'internal' }, 1_000);
    await saveNote(ana, { caseId: 'case_1', body: 'fine', visibility: 'internal' }, 2_000);
    await drained();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [failed] = await readOutbox();
    expect(failed).toMatchObject({
      status: 'failed',
      problem: { code: 'forbidden', message: 'Not your queue' },
    });
    expect(sent.map((c) => c.payload.body)).toEqual(['not allowed', 'fine']);
  });
});
