import { describe, expect, it } from 'vitest';
import { arrayFunctions } from '../../../../engine/expression/functions/array.ts';
import type { FunctionContext } from '../../../../engine/expression/functions/types.ts';
import { callerFor, functionContext, makeErrorOf } from './helpers.ts';

function contextWith(random: () => number): FunctionContext {
  return functionContext({ random, uuid: () => 'u' });
}

const call = callerFor(
  arrayFunctions,
  contextWith(() => 0),
);
const errorOf = makeErrorOf;

const contacts = [
  { name: 'bob', age: 30, sender: { name: 'Zed' } },
  { name: 'Alice', age: 25, sender: { name: 'amy' } },
  { name: 'alice', age: 41, sender: { name: 'Bea' } },
];

describe('add and remove', () => {
  it('add appends values to a new array, emptyarray included', () => {
    const input = [1];
    expect(call('add', input, 2, 'x')).toEqual([1, 2, 'x']);
    expect(input).toEqual([1]);
    expect(call('add', [], 6)).toEqual([6]);
  });

  it('add treats a missing array as empty and skips missing values', () => {
    expect(call('add', undefined, 1, undefined)).toEqual([1]);
  });

  it('add wraps a single value into an array (array coercion)', () => {
    expect(call('add', 'a', 'b')).toEqual(['a', 'b']);
  });

  it('remove drops every occurrence of each value, strictly', () => {
    expect(call('remove', [1, 2, 3, 2, '2'], 2)).toEqual([1, 3, '2']);
    expect(call('remove', ['a', 'b', 'c'], 'a', 'c')).toEqual(['b']);
  });
});

describe('contains', () => {
  it('tests membership in an array, strictly', () => {
    expect(call('contains', [1, 2, 3], 2)).toBe(true);
    expect(call('contains', [1, 2, 3], '2')).toBe(false);
    expect(call('contains', [{ a: 1 }], { a: 1 })).toBe(true);
  });

  it('tests a case-sensitive substring in text (Help Center text examples)', () => {
    expect(call('contains', 'Hello World', 'Hello')).toBe(true);
    expect(call('contains', 'Hello World', 'Bye')).toBe(false);
    expect(call('contains', 'Hello World', 'hello')).toBe(false);
  });

  it('reads numbers as text and a missing value as containing nothing', () => {
    expect(call('contains', 12345, 23)).toBe(true);
    expect(call('contains', undefined, 'a')).toBe(false);
  });
});

describe('length', () => {
  it('counts array items, text characters and binary bytes', () => {
    expect(call('length', [1, 2, 3])).toBe(3);
    expect(call('length', 'hello')).toBe(5);
    expect(call('length', Buffer.from('Make'))).toBe(4);
    expect(call('length', Buffer.from('ě'))).toBe(2);
  });

  it('counts keys of a collection, and 0 for a missing value', () => {
    expect(call('length', { a: 1, b: 2 })).toBe(2);
    expect(call('length', undefined)).toBe(0);
    expect(call('length', null)).toBe(0);
  });
});

describe('first, last, reverse, slice, join, keys, flatten', () => {
  it('first and last return the end items, nothing for an empty array', () => {
    expect([call('first', [1, 2, 3]), call('last', [1, 2, 3])]).toEqual([1, 3]);
    expect(call('first', [])).toBeUndefined();
    expect(call('last', undefined)).toBeUndefined();
  });

  it('reverse returns a reversed copy', () => {
    const input = [1, 2, 3];
    expect(call('reverse', input)).toEqual([3, 2, 1]);
    expect(input).toEqual([1, 2, 3]);
  });

  it('slice uses 0-based indexes with an exclusive end and negatives from the end', () => {
    expect(call('slice', ['a', 'b', 'c', 'd'], 1, 3)).toEqual(['b', 'c']);
    expect(call('slice', ['a', 'b', 'c', 'd'], 2)).toEqual(['c', 'd']);
    expect(call('slice', ['a', 'b', 'c', 'd'], -2)).toEqual(['c', 'd']);
  });

  it('join renders items as text with the separator', () => {
    expect(call('join', ['a', 1, true], ', ')).toBe('a, 1, true');
    expect(call('join', ['a', null, 'b'], '-')).toBe('a--b');
    expect(call('join', [], ', ')).toBe('');
  });

  it('keys lists own keys of a collection and indexes of an array', () => {
    expect(call('keys', { a: 1, b: 2 })).toEqual(['a', 'b']);
    expect(call('keys', ['x', 'y'])).toEqual(['0', '1']);
    expect(call('keys', undefined)).toEqual([]);
  });

  it('flatten concatenates one level of sub-arrays by default', () => {
    expect(call('flatten', [1, [2, 3], [[4]]])).toEqual([1, 2, 3, [4]]);
    expect(call('flatten', [1, [2, [3, [4]]]], 2)).toEqual([1, 2, 3, [4]]);
  });
});

describe('merge', () => {
  it('concatenates arrays, wrapping single values', () => {
    expect(call('merge', [1, 2], [3], 4)).toEqual([1, 2, 3, 4]);
    expect(call('merge', [1], undefined, [2])).toEqual([1, 2]);
  });

  it('merges collections when every argument is one, later keys winning', () => {
    expect(call('merge', { a: 1, b: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });
});

describe('shuffle', () => {
  it('reorders with the context random source and keeps every item', () => {
    const spec = arrayFunctions.find((candidate) => candidate.name === 'shuffle');
    // random() = 0 picks j = 0 each step: i=2 swaps positions 2,0 → [3,2,1]; i=1 swaps 1,0 → [2,3,1].
    expect(
      spec?.impl(
        [[1, 2, 3]],
        contextWith(() => 0),
      ),
    ).toEqual([2, 3, 1]);
    const shuffled = spec?.impl([[1, 2, 3, 4, 5]], contextWith(Math.random)) as number[];
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('deduplicate and distinct', () => {
  it('deduplicate keeps the first occurrence of each value', () => {
    expect(call('deduplicate', [1, 2, 1, '1', 3, 2])).toEqual([1, 2, '1', 3]);
  });

  it('deduplicate removes collections with equal content', () => {
    expect(call('deduplicate', [{ a: 1 }, { a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('distinct by key keeps the first item of each key value', () => {
    const items = [
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
      { name: 'a', n: 3 },
    ];
    expect(call('distinct', items, 'name')).toEqual([items[0], items[1]]);
  });

  it('distinct reads nested keys with dot notation', () => {
    const items = [{ s: { id: 1 } }, { s: { id: 1 } }, { s: { id: 2 } }];
    expect(call('distinct', items, 's.id')).toEqual([items[0], items[2]]);
  });
});

describe('sort', () => {
  it('sorts numbers ascending by default and descending with desc', () => {
    expect(call('sort', [3, 1, 2])).toEqual([1, 2, 3]);
    expect(call('sort', [3, 1, 2], 'desc')).toEqual([3, 2, 1]);
  });

  it('sorts text by code unit: A, B, C, a, b, c (Help Center)', () => {
    expect(call('sort', ['b', 'C', 'a', 'B', 'c', 'A'])).toEqual(['A', 'B', 'C', 'a', 'b', 'c']);
    expect(call('sort', ['b', 'C', 'a', 'B', 'c', 'A'], 'desc')).toEqual(['c', 'b', 'a', 'C', 'B', 'A']);
  });

  it('sorts case-insensitively with asc ci and desc ci, keeping input order of ties', () => {
    expect(call('sort', ['b', 'A', 'a', 'B'], 'asc ci')).toEqual(['A', 'a', 'b', 'B']);
    expect(call('sort', ['b', 'A', 'a', 'B'], 'desc ci')).toEqual(['b', 'B', 'A', 'a']);
  });

  it('sorts numbers numerically, not as text (10 after 9)', () => {
    expect(call('sort', [10, 9, 100])).toEqual([9, 10, 100]);
  });

  it('takes the key as the second argument when it is not an order (sort(Contacts[]; name))', () => {
    expect((call('sort', contacts, 'name') as typeof contacts).map((c) => c.name)).toEqual([
      'Alice',
      'alice',
      'bob',
    ]);
  });

  it('sorts collections by key with an order, and by a nested key', () => {
    const byAgeDesc = call('sort', contacts, 'desc', 'age') as typeof contacts;
    expect(byAgeDesc.map((c) => c.age)).toEqual([41, 30, 25]);
    const byNested = call('sort', contacts, 'asc ci', 'sender.name') as typeof contacts;
    expect(byNested.map((c) => c.sender.name)).toEqual(['amy', 'Bea', 'Zed']);
  });

  it('puts missing values last in either direction', () => {
    expect(call('sort', [2, null, 1], 'asc')).toEqual([1, 2, null]);
    expect(call('sort', [2, null, 1], 'desc')).toEqual([2, 1, null]);
  });

  it('does not change its input', () => {
    const input = [3, 1, 2];
    call('sort', input);
    expect(input).toEqual([3, 1, 2]);
  });

  it('rejects an unknown order when a key is also given', () => {
    const error = errorOf(() => call('sort', [1], 'upward', 'name'));
    expect(error.type).toBe('DataError');
    expect(error.details).toMatchObject({ function: 'sort', argument: 2 });
  });
});

describe('map', () => {
  const emails = [
    { email: 'w@x.cz', label: 'work' },
    { email: 'h@x.cz', label: 'home' },
    { email: 'o@x.cz', label: 'other' },
  ];

  it('extracts a key from every collection', () => {
    expect(call('map', emails, 'email')).toEqual(['w@x.cz', 'h@x.cz', 'o@x.cz']);
  });

  it('keeps only items whose filter key is one of the comma-separated values', () => {
    expect(call('map', emails, 'email', 'label', 'work,home')).toEqual(['w@x.cz', 'h@x.cz']);
    expect(call('map', emails, 'email', 'label', 'work')).toEqual(['w@x.cz']);
  });

  it('compares filter values as text, so a numeric key matches', () => {
    const metadata = [
      { key: 20641, value: 'yes' },
      { key: 20642, value: 'no' },
    ];
    expect(call('map', metadata, 'value', 'key', '20642')).toEqual(['no']);
  });

  it('accepts an array of filter values', () => {
    expect(call('map', emails, 'email', 'label', ['home', 'other'])).toEqual(['h@x.cz', 'o@x.cz']);
  });

  it('rejects a missing key argument', () => {
    expect(errorOf(() => call('map', emails, '')).details).toMatchObject({ function: 'map', argument: 2 });
  });
});

describe('toArray and toCollection', () => {
  it('toArray turns a collection into key/value items', () => {
    expect(call('toArray', { key1: 'value1', key2: 'value2' })).toEqual([
      { key: 'key1', value: 'value1' },
      { key: 'key2', value: 'value2' },
    ]);
    expect(call('toArray', undefined)).toEqual([]);
  });

  it('toArray rejects text', () => {
    expect(errorOf(() => call('toArray', 'text')).details).toMatchObject({
      function: 'toArray',
      argument: 1,
    });
  });

  it('toCollection builds a collection from key and value fields (Fusion example)', () => {
    const people = [
      { name: 'Bob', age: 22 },
      { name: 'Tim', age: 23 },
    ];
    expect(call('toCollection', people, 'name', 'age')).toEqual({ Bob: 22, Tim: 23 });
  });

  it('toCollection defines __proto__ as an own key without polluting prototypes', () => {
    const out = call('toCollection', [{ k: '__proto__', v: { polluted: true } }], 'k', 'v') as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('arrayIntersect and arrayDifference', () => {
  const mine = [1, 2, 3, 4, 5];
  const yours = [3, 4, 5, 6, 7];

  it('arrayDifference classic and symmetric (Fusion examples)', () => {
    expect(call('arrayDifference', mine, yours, 'classic')).toEqual([1, 2]);
    expect(call('arrayDifference', yours, mine, 'classic')).toEqual([6, 7]);
    expect(call('arrayDifference', mine, yours, 'symmetric')).toEqual([1, 2, 6, 7]);
  });

  it('arrayDiff is classic difference by default', () => {
    expect(call('arrayDiff', [1, 2, 3, 4], [3, 4, 5, 6])).toEqual([1, 2]);
  });

  it('arrayIntersect keeps common items once, in first-array order', () => {
    expect(call('arrayIntersect', [1, 2, 3, 4], [3, 4, 5, 6])).toEqual([3, 4]);
    expect(call('arrayIntersect', [4, 3, 3], [3, 4], [4])).toEqual([4]);
  });

  it('rejects an unknown difference mode', () => {
    expect(errorOf(() => call('arrayDifference', [1], [2], 'both')).details).toMatchObject({ argument: 3 });
  });
});
