/**
 * Public surface of the formula language (IML). PLACEHOLDER until the IML work lands:
 * signatures are the contract; bodies are replaced by the lexer → parser → compiler.
 */
import type { CompiledFilter, CompiledTemplate, CompiledValue, RawFilter } from './types.ts';

export type * from './types.ts';

/** Compiles one template string. Throws ExpressionError on a syntax error. */
export function compileTemplate(_source: string): CompiledTemplate {
  throw new Error('not implemented yet');
}

/**
 * Compiles a mapper value (any JSON; strings are templates). Syntax errors are reported through
 * `onError` with the JSON pointer of the offending string (`pointer` is the value's own pointer),
 * and that string then evaluates to undefined.
 */
export function compileValue(
  _raw: unknown,
  _pointer: string,
  _onError: (pointer: string, error: import('../errors/expression-error.ts').ExpressionError) => void,
): CompiledValue {
  throw new Error('not implemented yet');
}

/** Compiles a filter (OR of AND groups). Unknown operators and bad templates go to `onError`. */
export function compileFilter(
  _filter: RawFilter,
  _pointer: string,
  _onError: (pointer: string, message: string, hint?: string) => void,
): CompiledFilter {
  throw new Error('not implemented yet');
}
