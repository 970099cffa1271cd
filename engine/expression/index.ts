/**
 * Public surface of the formula language (IML): lexer → parser → closures (template.ts),
 * mapper values (value.ts), filters (filter.ts). Signatures are the contract the loader and
 * the runtime code against.
 */
import type { ExpressionError } from '../errors/expression-error.ts';
import { compileFilterWith } from './filter.ts';
import { compileTemplateWith } from './template.ts';
import type { CompiledFilter, CompiledTemplate, CompiledValue, RawFilter } from './types.ts';
import { compileValueWith } from './value.ts';

export { isCollection, isEmpty, toBoolean, toNumber, toText } from './coerce.ts';
export type * from './types.ts';

/** Compiles one template string. Throws ExpressionError on a syntax error. */
export function compileTemplate(source: string): CompiledTemplate {
  return compileTemplateWith(source);
}

/**
 * Compiles a mapper value (any JSON; strings are templates). Syntax errors are reported through
 * `onError` with the JSON pointer of the offending string (`pointer` is the value's own pointer),
 * and that string then evaluates to undefined.
 */
export function compileValue(
  raw: unknown,
  pointer: string,
  onError: (pointer: string, error: ExpressionError) => void,
): CompiledValue {
  return compileValueWith(raw, pointer, onError);
}

/** Compiles a filter (OR of AND groups). Unknown operators and bad templates go to `onError`. */
export function compileFilter(
  filter: RawFilter,
  pointer: string,
  onError: (pointer: string, message: string, hint?: string) => void,
): CompiledFilter {
  return compileFilterWith(filter, pointer, onError);
}
