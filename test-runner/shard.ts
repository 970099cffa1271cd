/**
 * `makesim test --shard i/n`: the i-th of n contiguous slices of the test files sorted by path
 * (discover.ts sorts them). A CI matrix runs shard 1/n … n/n on n machines; since each shard is a
 * contiguous slice, concatenating the shards' reports in shard order gives the report of the
 * whole suite, case for case in the same order. Slices differ in size by at most one file.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); the error says what a valid value looks like. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard must be i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), not "${text}"`);
  }
  return { index, count };
}

export function shardFiles<T>(files: readonly T[], shard: Shard): T[] {
  const start = Math.floor(((shard.index - 1) * files.length) / shard.count);
  const end = Math.floor((shard.index * files.length) / shard.count);
  return files.slice(start, end);
}
