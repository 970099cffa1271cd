import { describe, expect, it } from 'vitest';
import { isCollection, isEmpty, toBoolean, toNumber, toText } from '../../../engine/expression/coerce.ts';

describe('toText (https://help.make.com/type-coercion)', () => {
  it('renders nothing for undefined and null', () => {
    expect(toText(undefined)).toBe('');
    expect(toText(null)).toBe('');
  });
  it("renders numbers with JavaScript's formatting", () => {
    expect(toText(16.22 + 9.2)).toBe('25.419999999999998');
    expect(toText(-0.5)).toBe('-0.5');
  });
  it('renders booleans as true/false', () => {
    expect(toText(true)).toBe('true');
    expect(toText(false)).toBe('false');
  });
  it('renders dates as ISO 8601', () => {
    expect(toText(new Date(Date.UTC(2016, 11, 28, 16, 3, 6)))).toBe('2016-12-28T16:03:06.000Z');
  });
  it('renders collections as JSON', () => {
    expect(toText({ a: 1, b: 'x' })).toBe('{"a":1,"b":"x"}');
  });
  it('joins primitive arrays with comma and space', () => {
    expect(toText(['a', 1, true])).toBe('a, 1, true');
  });
  it('renders each collection of an array separately', () => {
    expect(toText([{ a: 1 }, { b: 2 }])).toBe('{"a":1}, {"b":2}');
  });
  it('decodes a buffer as UTF-8', () => {
    expect(toText(Buffer.from('žluť', 'utf8'))).toBe('žluť');
  });
});

describe('toNumber (https://help.make.com/type-coercion)', () => {
  it('keeps numbers', () => expect(toNumber(3.5)).toBe(3.5));
  it('parses decimal text, ignoring surrounding spaces', () => {
    expect(toNumber(' 42 ')).toBe(42);
    expect(toNumber('-1.5')).toBe(-1.5);
    expect(toNumber('1e3')).toBe(1000);
  });
  it('gives undefined for empty or non-numeric text', () => {
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('12abc')).toBeUndefined();
    expect(toNumber('0x10')).toBeUndefined();
  });
  it('gives a date as epoch milliseconds', () => expect(toNumber(new Date(1000))).toBe(1000));
  it('gives undefined for null, booleans and structures', () => {
    expect(toNumber(null)).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
    expect(toNumber([1])).toBeUndefined();
  });
});

describe('toBoolean (https://help.make.com/type-coercion)', () => {
  it('is true for every number, even 0', () => {
    expect(toBoolean(0)).toBe(true);
    expect(toBoolean(-1)).toBe(true);
  });
  it('is false only for the text "false" and empty text', () => {
    expect(toBoolean('false')).toBe(false);
    expect(toBoolean('')).toBe(false);
    expect(toBoolean('0')).toBe(true);
    expect(toBoolean('no')).toBe(true);
  });
  it('is false for null and undefined, true for other existing values', () => {
    expect(toBoolean(null)).toBe(false);
    expect(toBoolean(undefined)).toBe(false);
    expect(toBoolean({})).toBe(true);
    expect(toBoolean([])).toBe(true);
  });
});

describe('isEmpty and isCollection', () => {
  it('treats undefined, null, empty text and [] as empty', () => {
    for (const v of [undefined, null, '', []]) expect(isEmpty(v)).toBe(true);
  });
  it('treats 0, false, spaces and {} as filled', () => {
    for (const v of [0, false, ' ', {}]) expect(isEmpty(v)).toBe(false);
  });
  it('recognises plain objects only as collections', () => {
    expect(isCollection({})).toBe(true);
    expect(isCollection(Object.create(null))).toBe(true);
    expect(isCollection([])).toBe(false);
    expect(isCollection(new Date())).toBe(false);
    expect(isCollection(Buffer.from(''))).toBe(false);
  });
});
