/**
 * Math > Evaluate expression (`math:EvaluateExpression` v1): evaluates the arithmetic in
 * `expression` (after IML mapping, e.g. `{{1.a}}+{{2.b}}`) and outputs `{ result }` (corpus:
 * `{{N.result}}`). A result that is not a finite number (division by zero) is a DataError.
 */
import { dataError } from '../../engine/errors/make-error.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import { evaluateArithmetic } from './arithmetic.ts';

export function evaluateExpression(expression: unknown): number {
  if (typeof expression === 'number') return expression;
  const result = evaluateArithmetic(
    expression === undefined || expression === null ? '' : String(expression),
  );
  if (!Number.isFinite(result)) {
    throw dataError(
      `The expression "${String(expression)}" does not give a finite number (division by zero?).`,
      {
        code: 'not-finite',
      },
    );
  }
  return result;
}

export default defineModule({
  key: 'math:EvaluateExpression',
  versions: [1],
  kind: 'action',
  label: 'Math > Evaluate expression',
  description: 'Evaluates an arithmetic expression.',
  fidelity: 'partial',
  fidelityNotes:
    'Operators + - * / % ^, parentheses, pi, e and the functions abs, ceil, floor, round, trunc, sqrt, cbrt, exp, log/ln, ' +
    'log10, log2, sin, cos, tan, asin, acos, atan, pow, min, max. Make’s own function list is not documented.',
  mapper: [{ name: 'expression', type: 'text', required: true, description: 'Arithmetic expression.' }],
  outputFields: ['result'],
  output: '`{ result }` (number).',
  run: (call) => [{ result: evaluateExpression(call.input.expression) }],
});
