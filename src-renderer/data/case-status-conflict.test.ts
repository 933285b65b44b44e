import { afterEach, describe, expect, it } from 'vitest';
import { transition } from '../../src-shared/domain/outbox';
import type { CaseSummary } from '../../src-shared/protocol/entities';
import { keepMyCaseStatus, keepServerCaseStatus } from './case-status-conflict';
import { db } from './db';
import { readOutbox, recordSendResult } from './outbox-repository';
import { latestPendingWrite, queueCaseStatus } from './pending-writes';

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

const seen: CaseSummary = {
  id: 'case_1',
  number: 7,
  customerId: 'cus_1',
  requesterName: 'Jo',
  requesterAddress: 'jo@example.com',
  subject: 'Export fails',
  status: 'open',
  severity: 3,
  product: null,
  queueId: 'q_1',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 3,
};
/** Someone else escalated the case while this console was offline. */
const onServer: CaseSummary = { ...seen, status: 'escalated', version: 4 };

async function onlyEntry() {
  const [entry, ...rest] = await readOutbox();
  if (!entry || rest.length > 0) throw new Error('expected exactly one outbox entry');
  return entry;
}

/** The console resolves the case offline; on reconnect the server answers a conflict. */
async function conflictingResolve() {
  await db.cases.put(seen);
  const write = await queueCaseStatus(seen, { caseId: seen.id, status: 'resolved' }, 10);
  const entry = await onlyEntry();
  const error = { code: 'conflict' as const, message: 'Changed by someone else', details: onServer };
  await recordSendResult(entry, transition(entry, { kind: 'conflict', error }, 20), undefined);
  return write;
}

describe('a case status changed offline', () => {
  it('is sent with the version of the case it was made on', async () => {
    await queueCaseStatus(seen, { caseId: seen.id, status: 'pending_customer' }, 10);
    expect(await onlyEntry()).toMatchObject({
      type: 'case:set-status',
      payload: { caseId: 'case_1', status: 'pending_customer' },
      expectedVersion: 3,
      status: 'pending',
    });
  });

  it('replaces an earlier choice not yet sent: the latest wins', async () => {
    await queueCaseStatus(seen, { caseId: seen.id, status: 'pending_customer' }, 10);
    const latest = await queueCaseStatus(seen, { caseId: seen.id, status: 'resolved' }, 11);
    expect(await onlyEntry()).toMatchObject({ commandId: latest.commandId, payload: { status: 'resolved' } });
  });

  it('in conflict, keeps both versions until the person chooses', async () => {
    const write = await conflictingResolve();
    expect(await onlyEntry()).toMatchObject({ status: 'conflict', problem: { details: onServer } });
    expect(await latestPendingWrite('case-status', seen.id)).toMatchObject({ commandId: write.commandId });
    expect(await db.cases.get(seen.id)).toMatchObject({ status: 'open', version: 3 });
  });

  it('"Keep mine" sends the change again on top of the server version', async () => {
    const write = await conflictingResolve();
    await keepMyCaseStatus(write.commandId);
    const entry = await onlyEntry();
    expect(entry).toMatchObject({
      status: 'pending',
      payload: { status: 'resolved' },
      expectedVersion: 4,
      attempts: 0,
    });
    expect(entry.commandId).not.toBe(write.commandId);
    expect(await db.cases.get(seen.id)).toMatchObject({ status: 'escalated', version: 4 });
  });

  it('"Keep the server\'s" lets the change go and shows the server\'s case', async () => {
    const write = await conflictingResolve();
    await keepServerCaseStatus(write.commandId);
    expect(await db.outbox.count()).toBe(0);
    expect(await latestPendingWrite('case-status', seen.id)).toBeUndefined();
    expect(await db.cases.get(seen.id)).toMatchObject({ status: 'escalated', version: 4 });
  });

  it('once accepted, the server answer replaces the cached case', async () => {
    await db.cases.put(seen);
    await queueCaseStatus(seen, { caseId: seen.id, status: 'resolved' }, 10);
    const entry = await onlyEntry();
    const answer = { ...seen, status: 'resolved', version: 4 };
    await recordSendResult(entry, transition(entry, { kind: 'accepted' }, 20), answer);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.get(seen.id)).toMatchObject({ status: 'resolved', version: 4 });
  });
});
