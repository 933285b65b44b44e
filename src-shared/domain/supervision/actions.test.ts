import { describe, expect, it } from 'vitest';
import { actionOfQuery, applyAction } from './actions';
import {
  heldContact,
  makeContact,
  makeQueue,
  makeQueueAgent,
  makeState,
  NOW,
  SECOND,
} from './testing/forecast-fixtures';

const waiting = makeContact({ id: 'w', queuedAt: NOW - 30 * SECOND, declinedBy: ['a1'] });
const held = heldContact({ id: 'h' }, NOW - 60 * SECOND);
const state = makeState({
  queues: [makeQueue(), makeQueue({ id: 'q2' })],
  agents: [makeQueueAgent({ id: 'a1', work: [held] }), makeQueueAgent({ id: 'a2' })],
  contacts: [waiting],
});

describe('applyAction', () => {
  it('jumps a waiting contact ahead now, keeping an earlier jump', () => {
    const jumped = applyAction(state, { kind: 'jump', contactId: 'w' });
    expect(jumped.contacts).toEqual([{ ...waiting, jumpedAt: NOW }]);
    expect(applyAction(jumped, { kind: 'jump', contactId: 'w' })).toBe(jumped);
  });

  it('offers a waiting or held contact to the named agent now, taking it off its line or holder', () => {
    const fromQueue = applyAction(state, { kind: 'reassign', contactId: 'w', agentId: 'a2' });
    expect(fromQueue.contacts).toEqual([]);
    expect(fromQueue.agents[1]!.work).toEqual([
      { contact: waiting, status: 'offered', since: NOW, endsBy: null },
    ]);
    const fromAgent = applyAction(state, { kind: 'reassign', contactId: 'h', agentId: 'a2' });
    expect(fromAgent.agents.map((a) => a.work.map((w) => w.contact.id))).toEqual([[], ['h']]);
  });

  it('queues a contact in the new queue now, its declines forgotten, as a transfer does', () => {
    const moved = applyAction(state, { kind: 'move', contactId: 'w', queueId: 'q2' });
    expect(moved.contacts).toEqual([
      { ...waiting, queueId: 'q2', queuedAt: NOW, declinedBy: [], jumpedAt: null },
    ]);
    const back = applyAction(state, { kind: 'move', contactId: 'h', queueId: 'q1' });
    expect(back.agents[0]!.work).toEqual([]);
    expect(back.contacts.map((c) => [c.id, c.queuedAt])).toEqual([
      ['w', waiting.queuedAt],
      ['h', NOW],
    ]);
  });

  it('leaves the floor as it is for what the command refuses', () => {
    const wrapping = makeState({
      ...state,
      agents: [
        makeQueueAgent({ id: 'a1', work: [{ ...held, status: 'wrap_up' }] }),
        makeQueueAgent({ id: 'a2' }),
      ],
    });
    expect(applyAction(wrapping, { kind: 'reassign', contactId: 'h', agentId: 'a2' })).toBe(wrapping);
    expect(applyAction(state, { kind: 'jump', contactId: 'h' })).toBe(state);
    expect(applyAction(state, { kind: 'reassign', contactId: 'h', agentId: 'a1' })).toBe(state);
    expect(applyAction(state, { kind: 'reassign', contactId: 'w', agentId: 'ghost' })).toBe(state);
    expect(applyAction(state, { kind: 'move', contactId: 'w', queueId: 'q1' })).toBe(state);
    expect(applyAction(state, { kind: 'move', contactId: 'w', queueId: 'nowhere' })).toBe(state);
    expect(applyAction(state, { kind: 'jump', contactId: 'nobody' })).toBe(state);
  });
});

describe('actionOfQuery', () => {
  it('reads the impact query as the action it asks about', () => {
    expect(actionOfQuery('c1', { action: 'jump' })).toEqual({ kind: 'jump', contactId: 'c1' });
    expect(actionOfQuery('c1', { action: 'reassign', agentId: 'a2' })).toEqual({
      kind: 'reassign',
      contactId: 'c1',
      agentId: 'a2',
    });
    expect(actionOfQuery('c1', { action: 'reassign', queueId: 'q2' })).toEqual({
      kind: 'move',
      contactId: 'c1',
      queueId: 'q2',
    });
  });
});
