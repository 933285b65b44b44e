import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { readOutbox } from './outbox-repository';
import { readCachedUser, readLastSyncId } from './meta-repository';

/** The console's cache as version 6 of the schema declared it (before offline pending writes). */
const VERSION_6_STORES = {
  agents: 'id, teamId',
  teams: 'id',
  queues: 'id, teamId',
  users: 'id',
  customers: 'id, companyId',
  cases: 'id, customerId, queueId, requesterAddress',
  notes: 'id, caseId, pending, pendingCommandId',
  messages: 'id, caseId',
  kbArticles: 'id',
  outbox: 'commandId, createdAt, status',
  meta: 'key',
  contacts: 'id, status, queueId, agentId, [queueId+status]',
  alerts: 'id, queueId, active',
  skills: 'id',
  scorecardTemplates: 'id',
  scorecardVersions: 'id, templateId',
  evaluations: 'id, agentId, contactId, authorId, calibrationId',
  evaluationDrafts: 'evaluationId, contactId, calibrationId',
  calibrations: 'id',
  coachingTasks: 'id, agentId, evaluationId',
  reassignments: 'id, contactId, at',
  broadcasts: 'id, at',
  notifications: 'id, at',
};

const USER = {
  id: 'usr_nora',
  username: 'nora',
  displayName: 'Nora Fischer',
  roles: ['agent'],
  teamId: 'team_dev',
};
const UNSENT_NOTE = {
  id: 'note_offline',
  caseId: 'case_1',
  authorId: 'usr_nora',
  authorName: 'Nora Fischer',
  body: 'Written offline before the upgrade',
  visibility: 'internal',
  createdAt: '2026-12-06T08:00:00.000Z',
  pending: 1,
  pendingCommandId: '6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
};
const OUTBOX_ENTRY = {
  commandId: '6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
  type: 'case:add-note',
  payload: { noteId: 'note_offline', caseId: 'case_1', body: UNSENT_NOTE.body, visibility: 'internal' },
  createdAt: 1_000,
  attempts: 2,
  status: 'pending',
  nextAttemptAt: 5_000,
};

/** What a console of the previous release left on disk: a person, their position, an unsent note. */
async function writeVersion6Database(): Promise<void> {
  const old = new Dexie('agentdeck');
  old.version(6).stores(VERSION_6_STORES);
  await old.open();
  await old.table('meta').bulkPut([
    { key: 'user', value: USER },
    { key: 'lastSyncId', value: 4_217 },
  ]);
  await old.table('notes').put(UNSENT_NOTE);
  await old.table('outbox').put(OUTBOX_ENTRY);
  await old.table('queues').put({ id: 'q_dev', name: 'Development escalation' });
  expect(old.verno).toBe(6);
  old.close();
}

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

describe('upgrading the cache from version 6 (before offline writes and CSAT) to the current one', () => {
  it('keeps what the previous version stored: the person, the sync position, unsent writes', async () => {
    db.close();
    await Dexie.delete('agentdeck');
    await writeVersion6Database();

    await db.open();
    expect(db.verno).toBe(8);
    expect(await readCachedUser()).toMatchObject({ id: 'usr_nora' });
    expect(await readLastSyncId()).toBe(4_217);
    expect(await db.notes.get('note_offline')).toMatchObject({ pending: 1, body: UNSENT_NOTE.body });
    expect(await db.notes.where('pending').equals(1).count()).toBe(1);
    expect(await readOutbox()).toEqual([OUTBOX_ENTRY]);
    expect(await db.queues.get('q_dev')).toMatchObject({ name: 'Development escalation' });
    // The newer tables are there, empty, and their indexes work.
    expect(await db.pendingWrites.where('[kind+targetId]').equals(['wrap-up', 'con_1']).count()).toBe(0);
    expect(await db.caseCsat.get('case_1')).toBeUndefined();
  });
});
