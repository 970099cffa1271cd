import { describe, expect, it } from 'vitest';
import { feed, repeat } from '../../../engine/flow/iterator.ts';

describe('iterator feed (https://help.make.com/iterator)', () => {
  it('exposes object fields and wraps primitives as value, with 1-based positions', () => {
    expect(feed([{ a: 1 }, 'x'])).toEqual([
      { a: 1, __IMTINDEX__: 1, __IMTLENGTH__: 2 },
      { value: 'x', __IMTINDEX__: 2, __IMTLENGTH__: 2 },
    ]);
  });

  it('wraps a non-array as a one-element array', () => {
    expect(feed({ a: 1 })).toEqual([{ a: 1, __IMTINDEX__: 1, __IMTLENGTH__: 1 }]);
  });

  it('gives no bundles for an empty array or a missing value', () => {
    expect(feed([])).toEqual([]);
    expect(feed(undefined)).toEqual([]);
  });

  it('keeps a "__proto__" key a plain field', () => {
    const [bundle] = feed([JSON.parse('{"__proto__": {"polluted": true}}')]);
    expect(Object.getPrototypeOf(bundle)).toBe(Object.prototype);
    expect(Object.hasOwn(bundle as object, '__proto__')).toBe(true);
  });

  it('does not change the source elements', () => {
    const source = [{ a: 1 }];
    feed(source);
    expect(source).toEqual([{ a: 1 }]);
  });
});

describe('repeater', () => {
  it('counts from start by step', () => {
    expect(repeat(1, 3, 2)).toEqual([{ i: 1 }, { i: 3 }, { i: 5 }]);
  });

  it('caps repeats at 10,000 and treats negatives as none', () => {
    expect(repeat(1, 20_000, 1)).toHaveLength(10_000);
    expect(repeat(1, -2, 1)).toEqual([]);
  });
});
