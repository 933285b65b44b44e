import { describe, expect, it } from 'vitest';
import { inLogOrder, isAlreadyCovered, shouldReplace } from './apply-event';

describe('shouldReplace', () => {
  const event = { kind: 'event' } as const;

  it('caches an entity it has never seen', () => {
    expect(shouldReplace(undefined, 1, event)).toBe(true);
  });

  it('takes a newer version and ignores an older or equal one', () => {
    expect(shouldReplace({ version: 3 }, 4, event)).toBe(true);
    expect(shouldReplace({ version: 3 }, 3, event)).toBe(false);
    expect(shouldReplace({ version: 3 }, 2, event)).toBe(false);
  });

  it('keeps a pending row against an event that is not newer', () => {
    expect(shouldReplace({ version: 2, pendingCommandId: 'c1' }, 2, event)).toBe(false);
  });

  it("replaces a pending row with its own command's answer even at an equal version", () => {
    const cached = { version: 2, pendingCommandId: 'c1' };
    expect(shouldReplace(cached, 2, { kind: 'answer', commandId: 'c1' })).toBe(true);
    expect(shouldReplace(cached, 2, { kind: 'answer', commandId: 'other' })).toBe(false);
  });

  it('ignores a stale answer once a newer version is cached', () => {
    expect(shouldReplace({ version: 5 }, 4, { kind: 'answer', commandId: 'c1' })).toBe(false);
  });
});

describe('isAlreadyCovered', () => {
  it('treats events up to the reached position as applied', () => {
    expect(isAlreadyCovered(10, 9)).toBe(true);
    expect(isAlreadyCovered(10, 10)).toBe(true);
    expect(isAlreadyCovered(10, 11)).toBe(false);
  });
});

describe('inLogOrder', () => {
  it('sorts by syncId and drops repeats', () => {
    const events = [{ syncId: 3 }, { syncId: 1 }, { syncId: 3 }, { syncId: 2 }];
    expect(inLogOrder(events).map((e) => e.syncId)).toEqual([1, 2, 3]);
  });
});
