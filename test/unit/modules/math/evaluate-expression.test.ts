import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from '../../../../modules/math/arithmetic.ts';
import evaluate, { evaluateExpression } from '../../../../modules/math/evaluate-expression.ts';
import { makeErrorOf } from '../../../helpers/make-error.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

const failure = (source: string) => makeErrorOf(() => evaluateExpression(source));

describe('math:EvaluateExpression', () => {
  it.each([
    ['1+2*3', 7],
    ['(1+2)*3', 9],
    ['2^3^2', 512],
    ['-2^2', -4],
    ['10 % 4', 2],
    ['7/2', 3.5],
    ['0.25', 0.25],
    ['1.5e2', 150],
    ['round(2.5) + floor(1.9) + ceil(0.1)', 5],
    ['max(1, 4, 2) - min(3, 0)', 4],
    ['sqrt(16)', 4],
    ['3+4+5', 12],
  ])('evaluates %s to %d', (source, expected) => {
    expect(evaluateArithmetic(source)).toBeCloseTo(expected, 10);
  });

  it('outputs { result }', async () => {
    const call = fakeCall('math:EvaluateExpression', { expression: '2+2' });
    expect(await evaluate.run?.(call, fakeContext())).toEqual([{ result: 4 }]);
  });

  it('passes a mapped number through', () => {
    expect(evaluateExpression(12.5)).toBe(12.5);
  });

  it('reports the position of an unexpected token', () => {
    const error = failure('1 + * 2');
    expect(error.type).toBe('DataError');
    expect(error.details).toMatchObject({ code: 'invalid-expression', position: 4 });
  });

  it.each(['', '2 +', 'foo(1)', 'x', '1 2', 'constructor', 'process.exit(1)'])(
    'rejects %j with DataError',
    (source) => {
      expect(failure(source).type).toBe('DataError');
    },
  );

  it('rejects division by zero as a non-finite result', () => {
    expect(failure('1/0').details?.code).toBe('not-finite');
  });

  it('agrees with integer arithmetic for sums and products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        (a, b, c) => {
          expect(evaluateArithmetic(`${a} + ${b} * (${c})`)).toBe(a + b * c);
        },
      ),
    );
  });
});
