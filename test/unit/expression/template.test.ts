import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../engine/errors/expression-error.ts';
import { MakeError } from '../../../engine/errors/make-error.ts';
import { compileTemplate } from '../../../engine/expression/index.ts';
import { compileTemplateWith } from '../../../engine/expression/template.ts';
import { evalContext, testFunctions } from './context.ts';

function compileError(source: string): ExpressionError {
  try {
    compileTemplateWith(source, { functions: testFunctions });
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${source} not to compile`);
}

describe('compileTemplate', () => {
  it('marks plain text as not dynamic', () => {
    const t = compileTemplate('hello');
    expect(t.isDynamic).toBe(false);
    expect(t.evaluate(evalContext())).toBe('hello');
  });

  it('lists the referenced module ids in order, once each', () => {
    const t = compileTemplate('{{3.a}} {{1.b}} {{3.c}} {{`2`}}');
    expect(t.references).toEqual([1, 2, 3]);
  });

  it('does not count a bare number as a reference', () => {
    expect(compileTemplate('{{1 + 2}}').references).toEqual([]);
  });

  it('reports the position of an error inside the whole template', () => {
    const error = compileError('Dear {{1.name}}, {{1 + * 2}}');
    expect(error.code).toBe('unexpected-token');
    // "Dear {{1.name}}, {{1 + " is 23 characters: the `*` is at offset 23.
    expect(error.position).toBe(23);
  });

  it('points at the opening braces of an unclosed formula', () => {
    const error = compileError('abc {{1.name');
    expect(error.code).toBe('unterminated-template');
    expect(error.position).toBe(4);
  });

  it('rejects an unknown function and suggests the nearest name', () => {
    const error = compileError('{{uper(1.name)}}');
    expect(error.code).toBe('unknown-function');
    expect(error.position).toBe(2);
    expect(error.message).toContain('upper');
  });

  it('checks the number of arguments at compile time', () => {
    expect(compileError('{{upper(1; 2)}}').code).toBe('wrong-arity');
    expect(compileError('{{upper()}}').code).toBe('wrong-arity');
    expect(compileError('{{zone(1)}}').code).toBe('wrong-arity');
  });

  it('calls functions with evaluated arguments separated by ; or ,', () => {
    const t = compileTemplateWith('{{join(1.a; "b", 3)}}', { functions: testFunctions });
    expect(t.evaluate(evalContext({ 1: { a: 'A' } }))).toBe('A|b|3');
  });

  it("passes the execution's timezone to functions", () => {
    const t = compileTemplateWith('{{zone()}}', { functions: testFunctions });
    expect(t.evaluate(evalContext({}, { timezone: 'Europe/Prague' }))).toBe('Europe/Prague');
  });

  it('turns a plain error thrown by a function into a DataError naming it', () => {
    const t = compileTemplateWith('x{{boom()}}', { functions: testFunctions });
    let caught: unknown;
    try {
      t.evaluate(evalContext());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MakeError);
    expect((caught as MakeError).type).toBe('DataError');
    expect((caught as MakeError).details).toEqual({ function: 'boom' });
  });

  it('limits nesting, not length: a chain of 300 (or 100,000) additions evaluates', () => {
    const sum = (n: number) => `{{${Array.from({ length: n }, () => '1').join(' + ')}}}`;
    expect(compileTemplate(sum(300)).evaluate(evalContext())).toBe(300);
    expect(compileTemplate(sum(100_000)).evaluate(evalContext())).toBe(100_000);
  });

  it('evaluates mixed-precedence chains left to right, and/or still short-circuiting', () => {
    expect(compileTemplate('{{10 - 2 - 3 * 2 + 8 / 4 / 2}}').evaluate(evalContext())).toBe(3);
    const guarded = compileTemplateWith('{{false and boom() and true or 1 = 1}}', {
      functions: testFunctions,
    });
    expect(guarded.evaluate(evalContext())).toBe(true);
  });

  it('reads a path of 5,000 keys in a loop', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(compileTemplate(`{{1${'.a'.repeat(5000)}}}`).evaluate(evalContext({ 1: deep }))).toBe('end');
  });

  it('still rejects true nesting past the depth limit (300 parentheses)', () => {
    expect(compileError(`{{${'('.repeat(300)}1${')'.repeat(300)}}}`).code).toBe('too-deep');
  });

  it('gives NaN for arithmetic on a missing value, as JavaScript does', () => {
    expect(compileTemplate('{{1.missing * 2}}').evaluate(evalContext({ 1: {} }))).toBeNaN();
  });

  it('reads emptyarray as a new array each time', () => {
    const t = compileTemplate('{{emptyarray}}');
    const first = t.evaluate(evalContext()) as unknown[];
    first.push(1);
    expect(t.evaluate(evalContext())).toEqual([]);
  });
});

/** `1.a` and `1.a.b` read without the generic step loop (compile-chains.ts): same answers. */
describe('module output references of one or two keys', () => {
  const read = (source: string, outputs: Record<number, unknown>) =>
    compileTemplate(source).evaluate(evalContext(outputs));

  it('reads own keys, one and two deep', () => {
    expect(read('{{1.a}}', { 1: { a: 7 } })).toBe(7);
    expect(read('{{1.a.b}}', { 1: { a: { b: 'x' } } })).toBe('x');
  });

  it('gives nothing through a missing module, a missing key or a primitive', () => {
    expect(read('{{1.a.b}}', {})).toBeUndefined();
    expect(read('{{1.a.b}}', { 1: {} })).toBeUndefined();
    expect(read('{{1.a.b}}', { 1: { a: 'text' } })).toBeUndefined();
  });

  it('maps a key over an array of collections, as references.ts readKeyOfArray does', () => {
    expect(read('{{1.items.name}}', { 1: { items: [{ name: 'p' }, { other: 1 }, { name: 'q' }] } })).toEqual([
      'p',
      'q',
    ]);
  });

  it('never reads an inherited key, the quick path included', () => {
    expect(read('{{1.toString}}', { 1: {} })).toBeUndefined();
    expect(read('{{1.a.constructor}}', { 1: { a: {} } })).toBeUndefined();
    expect(read('{{1.a.hasOwnProperty}}', { 1: { a: [] } })).toEqual([]);
  });

  it('divides by a typed-in number, left operand first', () => {
    expect(read('{{1.a / 2}}', { 1: { a: 5 } })).toBe(2.5);
  });
});
