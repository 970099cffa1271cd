import { describe, expect, it } from 'vitest';
import { FILTER_OPERATORS } from '../../../engine/expression/filter-operators.ts';
import { compileFilter } from '../../../engine/expression/index.ts';
import type { RawFilter } from '../../../engine/expression/types.ts';
import { evalContext } from './context.ts';

function compile(filter: RawFilter) {
  const problems: { pointer: string; hint: string | undefined }[] = [];
  const compiled = compileFilter(filter, '/flow/1/filter', (pointer, _message, hint) =>
    problems.push({ pointer, hint }),
  );
  return { compiled, problems };
}

const ctx = evalContext({ 1: { status: 'active', age: 20, role: 'user' } });

describe('compileFilter', () => {
  it("has exactly the 58 operator ids of Make's schema library", () => {
    expect(FILTER_OPERATORS.size).toBe(58);
    expect([...FILTER_OPERATORS.values()].filter((op) => op.unary)).toHaveLength(2);
  });

  it('ANDs the conditions of a group', () => {
    const { compiled } = compile({
      conditions: [
        [
          { a: '{{1.status}}', o: 'text:equal', b: 'active' },
          { a: '{{1.age}}', o: 'number:greaterorequal', b: '21' },
        ],
      ],
    });
    expect(compiled.test(ctx)).toBe(false);
  });

  it('ORs the groups', () => {
    const { compiled } = compile({
      name: 'Only active users',
      conditions: [
        [{ a: '{{1.age}}', o: 'number:greaterorequal', b: '21' }],
        [{ a: '{{1.status}}', o: 'text:equal', b: 'active' }],
      ],
    });
    expect(compiled.test(ctx)).toBe(true);
    expect(compiled.name).toBe('Only active users');
    expect(compiled.references).toEqual([1]);
  });

  it('lets every bundle through when there are no conditions', () => {
    expect(compile({ conditions: [] }).compiled.test(ctx)).toBe(true);
    expect(compile({ conditions: [[]] }).compiled.test(ctx)).toBe(true);
  });

  it('reports an unknown operator with the nearest real id', () => {
    const { compiled, problems } = compile({
      conditions: [[{ a: '{{1.role}}', o: 'text:contains', b: 'u' }]],
    });
    expect(problems).toEqual([
      { pointer: '/flow/1/filter/conditions/0/0/o', hint: 'did you mean text:contain?' },
    ]);
    expect(compiled.test(ctx)).toBe(false);
  });

  it('reports a bad template in b with its pointer', () => {
    const { problems } = compile({
      conditions: [[{ a: 'x', o: 'text:equal', b: '{{1.' }], [{ a: 'x', o: 'exist' }]],
    });
    expect(problems.map((p) => p.pointer)).toEqual(['/flow/1/filter/conditions/0/0/b']);
  });

  it('reports a condition that is not an object and never passes', () => {
    const raw = { conditions: [[null]] } as unknown as RawFilter;
    const { compiled, problems } = compile(raw);
    expect(problems.map((p) => p.pointer)).toEqual(['/flow/1/filter/conditions/0/0']);
    expect(compiled.test(ctx)).toBe(false);
  });

  it('accepts non-text operands such as numbers and booleans', () => {
    const raw = { conditions: [[{ a: 5, o: 'number:greater', b: 4 }]] } as unknown as RawFilter;
    expect(compile(raw).compiled.test(ctx)).toBe(true);
  });

  it('throws a DataError for an invalid pattern', () => {
    const { compiled } = compile({ conditions: [[{ a: 'x', o: 'text:pattern', b: '(' }]] });
    expect(() => compiled.test(ctx)).toThrow(expect.objectContaining({ type: 'DataError' }));
  });
});
