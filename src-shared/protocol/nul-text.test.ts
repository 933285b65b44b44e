import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldName, findNulField, nulRefusal } from './nul-text';

describe('findNulField', () => {
  it('names the text or key holding a NUL, however deep', () => {
    expect(findNulField({ name: 'a\u0000b', email: 'a@b.c' })).toEqual(['name']);
    expect(findNulField({ payload: { answers: [{ key: 'x' }, { comment: '\u0000' }] } })).toEqual([
      'payload',
      'answers',
      1,
      'comment',
    ]);
    expect(findNulField({ tags: { 'bad\u0000key': 1 } })).toEqual(['tags', 'bad\u0000key']);
    expect(findNulField('\u0000')).toEqual([]);
  });

  it('finds nothing in clean input, and does not walk buffers', () => {
    expect(findNulField({ name: 'a b', n: 1, ok: true, nothing: null, list: ['x'] })).toBeNull();
    expect(findNulField({ raw: new Uint8Array([0, 0, 0]) })).toBeNull();
    expect(findNulField(undefined)).toBeNull();
  });

  it('walks a very deep payload without exhausting the stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNulField(deep)).toHaveLength(100_000);
  });

  it('finds a NUL put anywhere in any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        const clean = JSON.parse(JSON.stringify(value).replace(/\\u0000/g, '')) as unknown;
        expect(findNulField(clean)).toBeNull();
        expect(findNulField({ clean, dirty: `${text}\u0000` })).toEqual(['dirty']);
      }),
    );
  });
});

describe('nulRefusal', () => {
  it('refuses as invalid, naming the field as people read it', () => {
    expect(nulRefusal({ lines: [{ body: 'a\u0000' }] }, 'payload')).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'The field payload.lines[0].body contains a NUL character',
        details: [
          {
            path: 'payload.lines[0].body',
            message: 'contains a NUL character (U+0000), which is not allowed in text',
          },
        ],
      },
    });
    expect(nulRefusal({ fine: 'yes' }, 'body')).toBeNull();
    expect(fieldName('query', ['q'])).toBe('query.q');
  });
});
