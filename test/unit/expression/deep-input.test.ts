import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../engine/errors/make-error.ts';
import { compileTemplate } from '../../../engine/expression/index.ts';
import { evalContext } from './context.ts';

const path = Array.from({ length: 50_000 }, () => 'a').join('.');

function nested(levels: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('formulas over very long paths and very deep data', () => {
  it('get() follows a 50,000-segment path', () => {
    const ctx = evalContext({ 1: { x: nested(50_000, 'end') } });
    expect(compileTemplate(`{{get(1.x; "${path}")}}`).evaluate(ctx)).toBe('end');
  });

  it('set() writes at a 50,000-segment path without touching the input', () => {
    const input = { a: { keep: 1 } };
    const result = compileTemplate(`{{get(set(1.x; "${path}"; "v"); "${path}")}}`).evaluate(
      evalContext({ 1: { x: input } }),
    );
    expect(result).toBe('v');
    expect(input).toEqual({ a: { keep: 1 } });
  });

  it('turns data too deep to process into a DataError that says so, not a RangeError', () => {
    let caught: unknown;
    try {
      compileTemplate('text {{1.x}}').evaluate(evalContext({ 1: { x: nested(100_000, 1) } }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MakeError);
    expect((caught as MakeError).type).toBe('DataError');
    expect((caught as MakeError).message).toContain('nested too deeply');
  });
});
