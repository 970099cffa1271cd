/** OutputList: bundles kept as they are and bundles made on demand read back in output order. */
import { describe, expect, it } from 'vitest';
import type { Bundle, LazyBundles } from '../../../engine/registry/define-module.ts';
import { OutputList, outputAt } from '../../../engine/state/output-list.ts';

/** Makes `{ n: from + i }` on each read, counting the reads. */
function counting(from: number, length: number): LazyBundles & { reads: number } {
  return {
    length,
    reads: 0,
    at(index: number): Bundle {
      this.reads++;
      return { n: from + index };
    },
  };
}

describe('OutputList', () => {
  it('gives back pushed and lazy bundles in order, making the lazy ones only when read', () => {
    const list = new OutputList();
    const kept = { n: 0 };
    const lazy = counting(1, 2);
    list.push(kept);
    list.add(lazy);
    list.add([{ n: 3 }]);
    list.add(counting(9, 0));
    expect(list.length).toBe(4);
    expect(lazy.reads).toBe(0);
    const bundles = list.materialize(() => {
      throw new Error('nothing to replay');
    });
    expect(bundles).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
    expect(bundles[0]).toBe(kept);
  });

  it('replays the calls it was told to, in place, once each', () => {
    const list = new OutputList();
    list.push({ n: 'kept' });
    list.addReplayed(1, 1);
    list.addReplayed(2, 2);
    list.addReplayed(4, 0);
    list.add([{ n: 'after' }]);
    expect(list.length).toBe(5);
    const replayed: number[] = [];
    const bundles = list.materialize((call) => {
      replayed.push(call);
      return Array.from({ length: call === 2 ? 2 : call === 4 ? 0 : 1 }, (_, i) => ({ n: `${call}.${i}` }));
    });
    expect(bundles).toEqual([{ n: 'kept' }, { n: '1.0' }, { n: '2.0' }, { n: '2.1' }, { n: 'after' }]);
    expect(replayed).toEqual([1, 2, 4]);
  });

  it('keeps a bundle pushed between two consecutive replayed calls in its place', () => {
    const list = new OutputList();
    list.addReplayed(0, 1);
    list.push({ n: 'emitted' });
    list.addReplayed(1, 1);
    expect(list.materialize((call) => [{ n: call }])).toEqual([{ n: 0 }, { n: 'emitted' }, { n: 1 }]);
  });

  it('reads a bundle of a list or of a lazy output by position', () => {
    expect(outputAt([{ n: 5 }], 0)).toEqual({ n: 5 });
    expect(outputAt(counting(7, 3), 2)).toEqual({ n: 9 });
  });
});
