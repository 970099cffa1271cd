import { describe, expect, it } from 'vitest';
import parseJson, { parseJsonBundles } from '../../../../modules/json/parse-json.ts';
import { makeErrorOf } from '../../../helpers/make-error.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

const failure = (source: unknown) => makeErrorOf(() => parseJsonBundles(source));

describe('json:ParseJSON', () => {
  it('outputs an object as one bundle with its fields at top level', async () => {
    const call = fakeCall('json:ParseJSON', { json: '{"Correo":"a@b.c","n":{"x":1}}' }, { type: '' });
    expect(await parseJson.run?.(call, fakeContext())).toEqual([{ Correo: 'a@b.c', n: { x: 1 } }]);
  });

  it('outputs one bundle per element of an array', () => {
    expect(parseJsonBundles('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('wraps scalar elements as { value }', () => {
    expect(parseJsonBundles('[1,"x"]')).toEqual([{ value: 1 }, { value: 'x' }]);
  });

  it('outputs no bundle for an empty array', () => {
    expect(parseJsonBundles('[]')).toEqual([]);
  });

  it('accepts a data structure id in parameters.type', async () => {
    const call = fakeCall('json:ParseJSON', { json: '{"a":1}' }, { type: 415854 });
    expect(await parseJson.run?.(call, fakeContext())).toEqual([{ a: 1 }]);
  });

  it('fails with DataError giving line and column for invalid JSON', () => {
    const error = failure('{\n  "a": 1,\n  oops\n}');
    expect(error.type).toBe('DataError');
    expect(error.details).toMatchObject({ code: 'invalid-json', line: 3, column: 3 });
  });

  it('fails with DataError for an empty string', () => {
    expect(failure('').details?.code).toBe('empty-json');
  });

  it('keeps __proto__ as a plain key', () => {
    const [bundle] = parseJsonBundles('{"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(bundle)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
