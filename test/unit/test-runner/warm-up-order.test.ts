import { describe, expect, it } from 'vitest';
import { poolOrder, takingTurns, warmUpCount, warmUpFirst } from '../../../test-runner/warm-up-order.ts';

const files = [
  ['a0', 'a1', 'a2', 'a3', 'a4'],
  ['b0', 'b1'],
  ['c0', 'c1', 'c2', 'c3'],
];

describe('the order a thread runs a suite in', () => {
  it('takes the first cases of every file in turn', () => {
    expect(takingTurns(files, 2)).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1']);
  });

  it('runs a warm-up across the files, then the rest of each file in file order', () => {
    expect(warmUpFirst(files, 1)).toEqual({
      warmUp: ['a0', 'b0', 'c0'],
      rest: [['a1', 'a2', 'a3', 'a4'], ['b1'], ['c1', 'c2', 'c3']],
    });
  });

  it('queues a pool with a warm-up at each end and every case exactly once', () => {
    const order = poolOrder(files, 1);
    // Near end: the first case of each file; far end (read backwards): the last remaining one of each.
    expect(order.slice(0, 3)).toEqual(['a0', 'b0', 'c0']);
    expect(order.slice(-3).reverse()).toEqual(['a4', 'b1', 'c3']);
    expect(order.slice(3, -3)).toEqual(['a1', 'a2', 'a3', 'c1', 'c2']);
    expect([...order].sort()).toEqual(files.flat().sort());
  });

  it('never queues a case twice when a file is shorter than both warm-ups', () => {
    const order = poolOrder(files, 16);
    expect(order).toHaveLength(11);
    expect(new Set(order).size).toBe(11);
  });

  it('keeps a warm-up of many files short, so their results are not held back to the end', () => {
    expect(warmUpCount(4)).toBe(16);
    expect(warmUpCount(8)).toBe(8);
    expect(warmUpCount(100)).toBe(1);
    expect(warmUpFirst(Array.from({ length: 100 }, (_, f) => [`${f}a`, `${f}b`])).warmUp).toHaveLength(100);
  });
});
