import { describe, expect, it } from 'vitest';
import { readFirst, readIndex, readKey, readOwnKey } from '../../../engine/expression/references.ts';

describe('readKey', () => {
  it('reads own properties only', () => {
    expect(readKey({ a: 1 }, 'a')).toBe(1);
    expect(readKey({}, 'toString')).toBeUndefined();
    expect(readKey({}, '__proto__')).toBeUndefined();
    expect(readKey({}, 'constructor')).toBeUndefined();
  });

  it('gives nothing for scalars, dates and buffers', () => {
    expect(readKey('abc', 'length')).toBeUndefined();
    expect(readKey(new Date(0), 'getTime')).toBeUndefined();
    expect(readKey(Buffer.from('a'), '0')).toBeUndefined();
    expect(readKey(null, 'a')).toBeUndefined();
  });

  it('maps a key over an array of collections', () => {
    expect(readKey([{ n: 1 }, { n: 2 }, 'x'], 'n')).toEqual([1, 2]);
  });

  it('reads a numeric key of an array as a 1-based index', () => {
    expect(readKey(['a', 'b'], '2')).toBe('b');
  });
});

describe('readOwnKey (a key Object.prototype does not have)', () => {
  it('reads what readKey reads', () => {
    expect(readOwnKey({ a: 1 }, 'a')).toBe(1);
    expect(readOwnKey(Object.assign(Object.create(null), { a: 2 }), 'a')).toBe(2);
    expect(readOwnKey({ b: 1 }, 'a')).toBeUndefined();
    expect(readOwnKey([{ n: 1 }, { n: 2 }], 'n')).toEqual([1, 2]);
    expect(readOwnKey(['a', 'b'], '2')).toBe('b');
  });

  it('gives nothing for scalars, dates, buffers and class instances', () => {
    expect(readOwnKey('abc', 'big')).toBeUndefined();
    expect(readOwnKey(new Date(0), 'getTime')).toBeUndefined();
    expect(
      readOwnKey(
        new (class Row {
          a = 1;
        })(),
        'a',
      ),
    ).toBeUndefined();
    expect(readOwnKey(Buffer.from('a'), '0')).toBeUndefined();
    expect(readOwnKey(null, 'a')).toBeUndefined();
  });
});

describe('readIndex and readFirst', () => {
  it('counts from 1 and from the end with negatives', () => {
    expect(readIndex(['a', 'b', 'c'], 1)).toBe('a');
    expect(readIndex(['a', 'b', 'c'], -1)).toBe('c');
    expect(readIndex(['a', 'b', 'c'], -3)).toBe('a');
  });

  it('gives nothing for 0, fractions and out-of-range indexes', () => {
    expect(readIndex(['a'], 0)).toBeUndefined();
    expect(readIndex(['a'], 1.5)).toBeUndefined();
    expect(readIndex(['a'], 2)).toBeUndefined();
    expect(readIndex(['a'], -2)).toBeUndefined();
  });

  it('accepts a numeric text index', () => {
    expect(readIndex(['a', 'b'], '2')).toBe('b');
  });

  it('reads a text index on a collection as a key', () => {
    expect(readIndex({ k: 'v' }, 'k')).toBe('v');
  });

  it('gives the first element for empty brackets, nothing on a non-array', () => {
    expect(readFirst(['a', 'b'])).toBe('a');
    expect(readFirst({ a: 1 })).toBeUndefined();
  });
});
