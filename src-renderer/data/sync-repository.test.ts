import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../src-shared/protocol/entities';
import type { SyncEvent } from '../../src-shared/protocol/sync';
import { db } from './db';
import { readLastSyncId } from './meta-repository';
import { saveNote } from './notes-repository';
import { applyLiveEvent, applySincePage } from './sync-repository';

const ana: Agent = {
  id: 'usr_ana',
  username: 'ana',
  displayName: 'Ana Torres',
  roles: ['agent'],
  teamId: 'team_en',
  tier: 1,
  languages: ['en'],
  state: 'offline',
  reasonCode: null,
  stateSince: '2026-11-23T08:00:00.000Z',
  disabled: false,
  version: 1,
  routing: { skills: [], capacity: { phone: 1, email: 5, web: 5, chat: 3, callback: 1 } },
  missedOffers: 0,
  idleSince: '2026-11-23T08:00:00.000Z',
};

function stateEvent(syncId: number, version: number, state: Agent['state']): SyncEvent {
  return {
    syncId,
    type: 'agent.state-changed',
    entityKind: 'agent',
    entityId: ana.id,
    entityVersion: version,
    payload: { ...ana, state, version },
    at: '2026-11-23T09:00:00.000Z',
  };
}

afterEach(async () => {
  await db.delete({ disableAutoOpen: false });
});

describe('applying catch-up pages', () => {
  it('replaces the directory with a snapshot, applies events in log order and moves the position', async () => {
    await db.agents.put({ ...ana, id: 'usr_gone', username: 'gone' });
    await applySincePage({
      snapshot: {
        agents: [ana],
        teams: [{ id: 'team_en', name: 'Support EN', version: 1 }],
        queues: [],
        skills: [],
        contacts: [],
        alerts: [],
      },
      events: [stateEvent(12, 3, 'away'), stateEvent(11, 2, 'available')],
      lastSyncId: 12,
      hasMore: false,
    });
    expect(await db.agents.toArray()).toEqual([{ ...ana, state: 'away', version: 3 }]);
    expect(await db.teams.count()).toBe(1);
    expect(await readLastSyncId()).toBe(12);
  });

  it('ignores an event older than the cached row', async () => {
    await db.agents.put({ ...ana, state: 'available', version: 5 });
    await applyLiveEvent(stateEvent(9, 4, 'away'));
    expect(await db.agents.get(ana.id)).toMatchObject({ state: 'available', version: 5 });
    expect(await readLastSyncId()).toBe(0);
  });

  it('turns an optimistic note into the server one when its event arrives', async () => {
    const note = await saveNote(ana, { caseId: 'case_1', body: 'called back', visibility: 'public' });
    const { pending, pendingCommandId, ...serverNote } = note;
    expect([pending, typeof pendingCommandId]).toEqual([1, 'string']);
    await applyLiveEvent({
      syncId: 3,
      type: 'note.added',
      entityKind: 'note',
      entityId: note.id,
      entityVersion: 1,
      payload: serverNote,
      at: serverNote.createdAt,
    });
    expect(await db.notes.get(note.id)).toMatchObject({ pending: 0, body: 'called back' });
  });
});
