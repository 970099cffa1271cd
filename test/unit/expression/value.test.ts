import { describe, expect, it } from 'vitest';
import type { ExpressionError } from '../../../engine/errors/expression-error.ts';
import { compileValue } from '../../../engine/expression/index.ts';
import { evalContext } from './context.ts';

const noErrors = (pointer: string, error: ExpressionError) => {
  throw new Error(`unexpected error at ${pointer}: ${error.message}`);
};

describe('compileValue', () => {
  it('evaluates every string of a nested mapper as a template', () => {
    const value = compileValue(
      { url: 'https://x.y/{{1.id}}', qs: [{ name: 'a', value: '{{1.n}}' }], parse: true, n: 3, none: null },
      '/flow/0/mapper',
      noErrors,
    );
    expect(value.evaluate(evalContext({ 1: { id: 7, n: 2 } }))).toEqual({
      url: 'https://x.y/7',
      qs: [{ name: 'a', value: 2 }],
      parse: true,
      n: 3,
      none: null,
    });
    expect(value.references).toEqual([1]);
  });

  it('describes its shape: formulas as leaves in evaluation order, the rest as constants', () => {
    const value = compileValue(
      { url: 'https://x.y/{{1.id}}', qs: [{ name: 'a', value: '{{1.n}}' }], n: 3 },
      '',
      noErrors,
    );
    expect(value.shape).toEqual({
      fields: new Map<string, unknown>([
        ['url', { leaf: 0 }],
        [
          'qs',
          {
            items: [
              {
                fields: new Map([
                  ['name', { constant: 'a' }],
                  ['value', { leaf: 1 }],
                ]),
              },
            ],
          },
        ],
        ['n', { constant: 3 }],
      ]),
    });
    expect(value.leaves?.[1]?.(evalContext({ 1: { n: 5 } }))).toBe(5);
  });

  it('leaves out a field whose template yields ignore', () => {
    const value = compileValue({ a: '{{ignore}}', b: 'x' }, '', noErrors);
    expect(value.evaluate(evalContext())).toEqual({ b: 'x' });
  });

  it('leaves out a field whose whole-field reference is missing', () => {
    const value = compileValue({ a: '{{1.nope}}', b: 'x' }, '', noErrors);
    expect(Object.keys(value.evaluate(evalContext({ 1: {} })) as object)).toEqual(['b']);
  });

  it('drops an array element that yields ignore', () => {
    const value = compileValue(['{{ignore}}', 'a'], '', noErrors);
    expect(value.evaluate(evalContext())).toEqual(['a']);
  });

  it('gives null for erase and "" for emptystring', () => {
    const value = compileValue({ a: '{{erase}}', b: '{{emptystring}}' }, '', noErrors);
    expect(value.evaluate(evalContext())).toEqual({ a: null, b: '' });
  });

  it('reports every bad string with its JSON pointer and keeps going', () => {
    const problems: [string, string][] = [];
    const value = compileValue(
      { a: '{{1.', list: ['ok', '{{)}}'], 'x/y': '{{"open}}' },
      '/flow/2/mapper',
      (pointer, error) => problems.push([pointer, error.code]),
    );
    expect(problems).toEqual([
      ['/flow/2/mapper/a', 'unterminated-template'],
      ['/flow/2/mapper/list/1', 'unexpected-token'],
      ['/flow/2/mapper/x~1y', 'unterminated-string'],
    ]);
    // Make fails the module that maps a broken formula: evaluating raises a DataError.
    expect(() => value.evaluate(evalContext())).toThrow(expect.objectContaining({ type: 'DataError' }));
  });

  it('keeps a __proto__ key as data', () => {
    const raw = JSON.parse('{"__proto__": "{{1.a}}"}') as unknown;
    const out = compileValue(raw, '', noErrors).evaluate(evalContext({ 1: { a: 'v' } })) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('gives plain objects, fields in mapper order, a fresh one per evaluation', () => {
    const value = compileValue({ a: '{{1.a}}', gone: '{{1.missing}}', b: 'x' }, '', noErrors);
    const ctx = evalContext({ 1: { a: 1 } });
    const first = value.evaluate(ctx) as Record<string, unknown>;
    const second = value.evaluate(ctx) as Record<string, unknown>;
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(first.constructor).toBe(Object);
    expect(Object.keys(first)).toEqual(['a', 'b']);
    expect(second).not.toBe(first);
    expect(second).toStrictEqual({ a: 1, b: 'x' });
  });
});
