import { describe, expect, it } from 'vitest';
import { canonicalJson, commandHash } from './command-hash';

describe('commandHash', () => {
  it('is the same for the same command, whatever the order of its keys', () => {
    const a = commandHash({
      type: 'case:add-note',
      payload: { caseId: 'c1', body: 'x', tags: { b: 1, a: 2 } },
    });
    const b = commandHash({
      type: 'case:add-note',
      payload: { tags: { a: 2, b: 1 }, body: 'x', caseId: 'c1' },
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another payload, type or expected version', () => {
    const base = { type: 'case:add-note', payload: { body: 'x' } };
    const hashes = [
      commandHash(base),
      commandHash({ ...base, payload: { body: 'y' } }),
      commandHash({ ...base, type: 'case:reply' }),
      commandHash({ ...base, expectedVersion: 3 }),
    ];
    expect(new Set(hashes).size).toBe(4);
    expect(commandHash({ ...base, expectedVersion: undefined })).toBe(hashes[0]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }, 3], a: null, u: undefined })).toBe(
      '{"a":null,"b":[{"c":2,"d":1},3]}',
    );
  });
});
