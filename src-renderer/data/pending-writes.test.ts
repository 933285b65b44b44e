import { afterEach, describe, expect, it } from 'vitest';
import { transition } from '../../src-shared/domain/outbox';
import { contactFixture } from '../features/work/work-fixtures';
import { db } from './db';
import { discardOutboxEntry, readOutbox, recordSendResult } from './outbox-repository';
import { latestPendingWrite, queueAgentState, queueWrapUp } from './pending-writes';

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

async function onlyEntry() {
  const [entry, ...rest] = await readOutbox();
  if (!entry || rest.length > 0) throw new Error('expected exactly one outbox entry');
  return entry;
}

describe('a wrap-up completed offline', () => {
  it('is one pending row and one outbox entry with the same command id', async () => {
    const write = await queueWrapUp({ contactId: 'con_1', disposition: 'resolved' }, 10);
    const entry = await onlyEntry();
    expect(entry).toMatchObject({
      commandId: write.commandId,
      type: 'contact:complete-wrap-up',
      payload: { contactId: 'con_1', disposition: 'resolved' },
      status: 'pending',
    });
    expect(await latestPendingWrite('wrap-up', 'con_1')).toMatchObject({ commandId: write.commandId });
  });

  it('writes nothing when the payload is not a wrap-up', async () => {
    await expect(queueWrapUp({ contactId: '' })).rejects.toThrow(/contactId/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.pendingWrites.count()).toBe(0);
  });

  it("once accepted, leaves the outbox and the cache holds the server's contact", async () => {
    await queueWrapUp({ contactId: 'con_1' }, 10);
    const entry = await onlyEntry();
    const done = contactFixture({ status: 'closed', version: 9 });
    await recordSendResult(entry, transition(entry, { kind: 'accepted' }, 20), done);
    expect(await db.outbox.count()).toBe(0);
    expect(await latestPendingWrite('wrap-up', 'con_1')).toBeUndefined();
    expect(await db.contacts.get('con_1')).toMatchObject({ status: 'closed', version: 9 });
  });

  it('stays pending while unanswered, and goes with its entry when the person discards it', async () => {
    await queueWrapUp({ contactId: 'con_1' }, 10);
    const entry = await onlyEntry();
    await recordSendResult(entry, transition(entry, { kind: 'no-answer' }, 20), undefined);
    expect(await latestPendingWrite('wrap-up', 'con_1')).toBeDefined();
    await discardOutboxEntry(entry.commandId);
    expect(await db.outbox.count()).toBe(0);
    expect(await latestPendingWrite('wrap-up', 'con_1')).toBeUndefined();
  });
});

describe('agent state requested offline', () => {
  it('keeps only the latest unsent choice', async () => {
    await queueAgentState('usr_ana', { state: 'away', reasonCode: 'lunch' }, 10);
    const latest = await queueAgentState('usr_ana', { state: 'available' }, 20);
    const entry = await onlyEntry();
    expect(entry).toMatchObject({ commandId: latest.commandId, payload: { state: 'available' } });
    expect(await db.pendingWrites.count()).toBe(1);
  });

  it('keeps a request already tried in order before the new one', async () => {
    await queueAgentState('usr_ana', { state: 'away', reasonCode: 'lunch' }, 10);
    const tried = await onlyEntry();
    await recordSendResult(tried, transition(tried, { kind: 'no-answer' }, 15), undefined);
    await queueAgentState('usr_ana', { state: 'available' }, 20);
    expect((await readOutbox()).map((e) => e.payload)).toEqual([
      { state: 'away', reasonCode: 'lunch' },
      { state: 'available' },
    ]);
  });

  it('refuses going away without a reason, writing nothing', async () => {
    await expect(queueAgentState('usr_ana', { state: 'away' })).rejects.toThrow(/reason/);
    expect(await db.outbox.count()).toBe(0);
  });
});
