/** ChunkedValues: values read back by position across the 4,096-entry arrays they are kept in. */
import { describe, expect, it } from 'vitest';
import { ChunkedValues } from '../../../engine/state/chunked-values.ts';

describe('ChunkedValues', () => {
  it('gives back every value pushed at its position, past several arrays', () => {
    const values = new ChunkedValues();
    const n = 4096 * 2 + 5;
    const shared = { a: 1 };
    for (let i = 0; i < n; i++) values.push(i === 4096 ? shared : i % 3 === 0 ? `s${i}` : i * 0.5);
    expect(values.at(0)).toBe('s0');
    expect(values.at(4095)).toBe('s4095');
    expect(values.at(4094)).toBe(2047);
    expect(values.at(4096)).toBe(shared);
    expect(values.at(n - 1)).toBe((n - 1) % 3 === 0 ? `s${n - 1}` : (n - 1) * 0.5);
    expect(values.at(n)).toBeUndefined();
  });
});

describe('ChunkedValues.toArray', () => {
  it('joins every value in order into one array', () => {
    const values = new ChunkedValues();
    const n = 4096 + 3;
    for (let i = 0; i < n; i++) values.push({ i });
    const all = values.toArray();
    expect(all).toHaveLength(n);
    expect(all[4096]).toEqual({ i: 4096 });
    expect(all[n - 1]).toEqual({ i: n - 1 });
    expect(new ChunkedValues().toArray()).toEqual([]);
  });

  it('keeps no empty room of a chunk made at full size, and takes values after being read', () => {
    const values = new ChunkedValues();
    for (let i = 0; i < 4096 + 2; i++) values.push(i);
    expect(values.toArray()).toHaveLength(4098);
    values.push(undefined);
    values.push('last');
    const all = values.toArray();
    expect(all).toHaveLength(4100);
    expect(all.slice(4096)).toEqual([4096, 4097, undefined, 'last']);
    expect(4098 in all).toBe(true);
    expect(values.at(4099)).toBe('last');
  });
});
