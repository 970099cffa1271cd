import { describe, expect, it } from 'vitest';
import { parseShard, shardFiles } from '../../../test-runner/shard.ts';

describe('--shard i/n', () => {
  it('parses i/n and refuses what is not a shard, saying what is', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1/0', '2', 'a/b', '1/2/3']) {
      expect(() => parseShard(bad)).toThrow(/--shard must be i\/n/);
    }
  });

  it('splits into contiguous slices whose concatenation in shard order is the whole list', () => {
    const files = Array.from({ length: 11 }, (_, i) => `f${String(i).padStart(2, '0')}.test.json`);
    for (const count of [1, 2, 3, 4, 11, 12]) {
      const shards = Array.from({ length: count }, (_, i) => shardFiles(files, { index: i + 1, count }));
      expect(shards.flat()).toEqual(files);
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same slice for the same files every time', () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    expect(shardFiles(files, { index: 2, count: 3 })).toEqual(['b', 'c']);
    expect(shardFiles(files, { index: 3, count: 3 })).toEqual(['d', 'e']);
  });
});
