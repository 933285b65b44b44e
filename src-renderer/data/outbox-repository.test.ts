import { afterEach, describe, expect, it } from 'vitest';
import { transition } from '../../src-shared/domain/outbox';
import { saveChatLine } from './chat-repository';
import { cacheCaseDetail } from './directory-repository';
import { db } from './db';
import { claimCacheFor } from './meta-repository';
import { saveNote } from './notes-repository';
import { discardOutboxEntry, readOutbox, recordSendResult } from './outbox-repository';

const ana = {
  id: 'usr_ana',
  username: 'ana',
  displayName: 'Ana Torres',
  roles: ['agent' as const],
  teamId: null,
};

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

describe('the outbox on this computer', () => {
  it('writes nothing for an empty note', async () => {
    await expect(saveNote(ana, { caseId: 'case_1', body: '   ', visibility: 'internal' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('discarding a refused write removes the entry and its optimistic note', async () => {
    const note = await saveNote(ana, { caseId: 'case_1', body: 'no', visibility: 'internal' });
    const [entry] = await readOutbox();
    if (!entry) throw new Error('no outbox entry');
    const refused = transition(entry, { kind: 'refused', error: { code: 'forbidden', message: 'no' } }, 5);
    await recordSendResult(entry, refused, undefined);
    expect(await readOutbox()).toMatchObject([{ status: 'failed', problem: { code: 'forbidden' } }]);

    await discardOutboxEntry(entry.commandId);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.get(note.id)).toBeUndefined();
  });

  it('discarding a refused chat line removes the entry and its queued line', async () => {
    const line = await saveChatLine(ana, { contactId: 'ct_1', caseId: 'case_1' }, 'are you there?');
    const [entry] = await readOutbox();
    if (!entry) throw new Error('no outbox entry');
    const refused = transition(entry, { kind: 'refused', error: { code: 'forbidden', message: 'no' } }, 5);
    await recordSendResult(entry, refused, undefined);
    expect(await db.messages.get(line.id)).toMatchObject({ delivery: 'queued' });

    await discardOutboxEntry(entry.commandId);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get(line.id)).toBeUndefined();
  });

  it('drops a stored row that no longer fits the schema instead of sending it', async () => {
    await db.outbox.put({ commandId: 'not-a-uuid', createdAt: 1 } as never);
    await saveNote(ana, { caseId: 'case_1', body: 'fine', visibility: 'internal' });
    expect((await readOutbox()).map((e) => e.type)).toEqual(['case:add-note']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps unsent notes when the case is read fresh from the server', async () => {
    const unsent = await saveNote(ana, { caseId: 'case_1', body: 'mine', visibility: 'internal' });
    await db.notes.put({ ...unsent, id: 'n_deleted', pending: 0, pendingCommandId: undefined });
    await cacheCaseDetail({
      id: 'case_1',
      number: 1001,
      customerId: 'cus_1',
      requesterName: '',
      requesterAddress: '',
      subject: 'Printer offline',
      status: 'open',
      severity: 3,
      product: 'Printer',
      queueId: 'q_support_en',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
      version: 1,
      customer: {
        id: 'cus_1',
        companyId: 'co_1',
        name: 'Lee Chan',
        email: 'lee@example.com',
        phone: '+14155550100',
        language: 'en',
        company: {
          id: 'co_1',
          name: 'Acme',
          domain: 'acme.example',
          tier: 'gold',
          contractExpiresAt: '2027-01-01T00:00:00.000Z',
          language: 'en',
        },
      },
      notes: [],
      messages: [],
      escalations: [],
      csat: null,
    });
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual([unsent.id]);
  });

  it('another person signing in on this computer gets an empty cache', async () => {
    await claimCacheFor(ana);
    await saveNote(ana, { caseId: 'case_1', body: 'mine', visibility: 'internal' });
    await claimCacheFor(ana);
    expect(await db.outbox.count()).toBe(1);
    await claimCacheFor({ ...ana, id: 'usr_ben', username: 'ben' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });
});
