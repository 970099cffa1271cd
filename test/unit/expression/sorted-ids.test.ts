import { describe, expect, it } from 'vitest';
import { sortedIds } from '../../../engine/expression/sorted-ids.ts';

describe('sortedIds', () => {
  it('sorts module ids numerically, few or many', () => {
    expect(sortedIds(new Set([]))).toEqual([]);
    expect(sortedIds(new Set([7]))).toEqual([7]);
    expect(sortedIds(new Set([10, 9, 100, 2]))).toEqual([2, 9, 10, 100]);
    const many = Array.from({ length: 40 }, (_, i) => (i * 37) % 41);
    expect(sortedIds(new Set(many))).toEqual([...many].sort((a, b) => a - b));
  });
});
