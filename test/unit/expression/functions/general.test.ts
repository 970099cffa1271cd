import { describe, expect, it } from 'vitest';
import { generalFunctions } from '../../../../engine/expression/functions/general.ts';
import { callerFor, functionContext, makeErrorOf } from './helpers.ts';

const call = callerFor(generalFunctions, functionContext());
const dataErrorOf = makeErrorOf;

describe('get', () => {
  const user = { name: 'Ann', address: { city: 'Prague' }, tags: ['a', 'b', 'c'] };

  it('reads a nested key with dot notation', () => {
    expect(call('get', user, 'address.city')).toBe('Prague');
  });

  it('indexes arrays from 1 (get(array; 1+1) is the second item)', () => {
    expect(call('get', ['x', 'y', 'z'], 2)).toBe('y');
    expect(call('get', user, 'tags.1')).toBe('a');
    expect(call('get', user, 'tags[3]')).toBe('c');
  });

  it('reads -1 as the last item and 0 or out of range as nothing', () => {
    expect(call('get', ['x', 'y'], -1)).toBe('y');
    expect(call('get', ['x', 'y'], 0)).toBeUndefined();
    expect(call('get', ['x', 'y'], 3)).toBeUndefined();
  });

  it('returns nothing for a missing path or a non-object', () => {
    expect(call('get', user, 'address.zip')).toBeUndefined();
    expect(call('get', undefined, 'a')).toBeUndefined();
    expect(call('get', 'text', 'length')).toBeUndefined();
  });

  it('reads empty brackets as the first item', () => {
    expect(call('get', { items: [{ id: 7 }, { id: 8 }] }, 'items[].id')).toBe(7);
  });

  it('reads a numeric key of a collection (aggregated rows keyed "0")', () => {
    expect(call('get', { '0': 'cell' }, 0)).toBe('cell');
  });

  it('prefers a key containing a dot when it exists as written', () => {
    expect(call('get', { 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
  });

  it('does not read inherited properties', () => {
    expect(call('get', {}, 'constructor')).toBeUndefined();
    expect(call('get', {}, '__proto__')).toBeUndefined();
    expect(call('get', [], 'length')).toBeUndefined();
  });
});

describe('if', () => {
  it('returns the second argument when the condition holds, else the third', () => {
    expect(call('if', true, 'A', 'B')).toBe('A');
    expect(call('if', false, 'A', 'B')).toBe('B');
  });

  it('reads conditions with the boolean coercion rules (0 is true, "false" is false)', () => {
    expect(call('if', 0, 'A', 'B')).toBe('A');
    expect(call('if', 'false', 'A', 'B')).toBe('B');
    expect(call('if', '', 'A', 'B')).toBe('B');
    expect(call('if', undefined, 'A', 'B')).toBe('B');
  });

  it('gives nothing when false and the third argument is absent', () => {
    expect(call('if', false, 'A')).toBeUndefined();
  });
});

describe('ifempty', () => {
  it('keeps a filled value and falls back for missing, null or empty text', () => {
    expect(call('ifempty', 'A', 'B')).toBe('A');
    expect(call('ifempty', undefined, 'B')).toBe('B');
    expect(call('ifempty', null, 'B')).toBe('B');
    expect(call('ifempty', '', 'B')).toBe('B');
  });

  it('keeps 0 and false, which are values', () => {
    expect(call('ifempty', 0, 'B')).toBe(0);
    expect(call('ifempty', false, 'B')).toBe(false);
  });
});

describe('switch', () => {
  it('returns the result paired with the first matching value', () => {
    expect(call('switch', 'B', 'A', 1, 'B', 2, 'C', 3)).toBe(2);
    expect(call('switch', 'C', 'A', 1, 'B', 2, 'C', 3)).toBe(3);
  });

  it('returns the odd trailing argument when nothing matches', () => {
    expect(call('switch', 'X', 'A', 1, 'B', 2, 'C', 3, 4)).toBe(4);
  });

  it('returns nothing when nothing matches and there is no default', () => {
    expect(call('switch', 'X', 'A', 1)).toBeUndefined();
  });

  it('matches strictly: the number 1 is not the text "1"', () => {
    expect(call('switch', 1, '1', 'text', 1, 'number')).toBe('number');
  });
});

describe('pick and omit', () => {
  const user = { name: 'Ann', email: 'a@x.cz', password: 'secret' };

  it('pick keeps only the listed keys', () => {
    expect(call('pick', user, 'password', 'email')).toEqual({ password: 'secret', email: 'a@x.cz' });
  });

  it('omit drops the listed keys and leaves the input unchanged', () => {
    expect(call('omit', user, 'password')).toEqual({ name: 'Ann', email: 'a@x.cz' });
    expect(user.password).toBe('secret');
  });

  it('accepts an array of keys', () => {
    expect(call('pick', user, ['name', 'email'])).toEqual({ name: 'Ann', email: 'a@x.cz' });
  });

  it('ignores keys that are missing or inherited', () => {
    expect(call('pick', user, 'nope', 'toString')).toEqual({});
  });

  it('gives nothing for a missing collection', () => {
    expect(call('pick', undefined, 'a')).toBeUndefined();
    expect(call('omit', null, 'a')).toBeUndefined();
  });

  it('rejects a value that is not a collection with a DataError naming the function', () => {
    const error = dataErrorOf(() => call('pick', 'text', 'a'));
    expect(error.type).toBe('DataError');
    expect(error.details).toMatchObject({ function: 'pick', argument: 1 });
    expect(dataErrorOf(() => call('omit', [1], 'a')).type).toBe('DataError');
  });

  it('keeps __proto__ as an ordinary own key without touching the prototype', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const picked = call('pick', source, '__proto__') as Record<string, unknown>;
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(Object.hasOwn(picked, '__proto__')).toBe(true);
    const omitted = call('omit', source, 'a') as Record<string, unknown>;
    expect(Object.hasOwn(omitted, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('set', () => {
  it('returns a copy with a top-level or nested key set', () => {
    const user = { name: 'Ann', address: { city: 'Brno' } };
    expect(call('set', user, 'name', 'John')).toEqual({ name: 'John', address: { city: 'Brno' } });
    expect(call('set', user, 'address.city', 'Prague')).toEqual({ name: 'Ann', address: { city: 'Prague' } });
    expect(user.address.city).toBe('Brno');
  });

  it('sets an array item by its 1-based index, copying the array', () => {
    const source = { tags: ['a', 'b'] };
    expect(call('set', source, 'tags.2', 'B')).toEqual({ tags: ['a', 'B'] });
    expect(source.tags).toEqual(['a', 'b']);
  });

  it('creates missing collections on the way', () => {
    expect(call('set', undefined, 'a.b', 1)).toEqual({ a: { b: 1 } });
  });

  it('sets __proto__ as an own key, not the prototype', () => {
    const out = call('set', {}, '__proto__', { polluted: true }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('rejects an empty path and a non-collection target', () => {
    expect(dataErrorOf(() => call('set', {}, '', 1)).details).toMatchObject({ function: 'set', argument: 2 });
    expect(dataErrorOf(() => call('set', 'text', 'a', 1)).details).toMatchObject({ argument: 1 });
  });
});

describe('equal', () => {
  it('compares primitives strictly and structures deeply', () => {
    expect(call('equal', 1, 1)).toBe(true);
    expect(call('equal', 1, '1')).toBe(false);
    expect(call('equal', { a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(call('equal', { a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('compares dates by instant', () => {
    expect(call('equal', new Date('2024-01-01T00:00:00Z'), new Date(Date.UTC(2024, 0, 1)))).toBe(true);
  });
});
