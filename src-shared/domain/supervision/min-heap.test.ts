import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('gives back every item pushed, smallest first, however they were interleaved', () => {
    const arbOps = fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant('pop' as const)));
    fc.assert(
      fc.property(arbOps, (ops) => {
        const heap = new MinHeap<number>((a, b) => a - b);
        const model: number[] = [];
        for (const op of ops) {
          if (op === 'pop') {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model.length ? Math.min(...model) : undefined);
        }
      }),
    );
  });
});
