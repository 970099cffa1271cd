/**
 * Keywords and variables of the mapping panel (Make's help: https://help.make.com/mapping).
 * `ignore` evaluates to undefined — the same as an unmapped field, which compileValue leaves
 * out; `erase` evaluates to null (see ERASE_VALUE).
 */
import type { EvalContext } from './types.ts';

/**
 * What `erase` yields. Make's developer docs
 * (https://developers.make.com/custom-apps-documentation/other/processing-of-empty-values) say null for
 * scalars and [] for arrays; a mapper does not know the field's type, so we yield null and let array fields
 * read null as [].
 */
export const ERASE_VALUE = null;

type Read = (ctx: EvalContext) => unknown;

/** Keywords whose value never changes: the compiler inlines them as constants. */
const CONSTANTS: Readonly<Record<string, unknown>> = {
  true: true,
  false: false,
  null: null,
  ignore: undefined,
  erase: ERASE_VALUE,
  emptystring: '',
  space: ' ',
  nbsp: '\u00a0',
  tab: '\t',
  newline: '\n',
  carriagereturn: '\r',
  pi: Math.PI,
};

/**
 * Variables read from the execution (https://help.make.com/mapping; `now` is fixed per execution, Open
 * question 15).
 */
const VARIABLES: Readonly<Record<string, Read>> = {
  now: (ctx) => ctx.now,
  // Unix seconds as an integer (docs/fidelity.md, open question 15).
  timestamp: (ctx) => Math.floor(ctx.now.getTime() / 1000),
  random: (ctx) => ctx.random(),
  uuid: (ctx) => ctx.uuid(),
  executionId: (ctx) => ctx.executionId,
};

export function isKeyword(name: string): boolean {
  return name === 'emptyarray' || Object.hasOwn(CONSTANTS, name) || Object.hasOwn(VARIABLES, name);
}

/** `emptyarray` is a fresh [] each time so a function that mutates its argument cannot leak. */
export function keywordReader(
  name: string,
): { constant: true; value: unknown } | { constant: false; read: Read } {
  if (name === 'emptyarray') return { constant: false, read: () => [] };
  if (Object.hasOwn(CONSTANTS, name)) return { constant: true, value: CONSTANTS[name] };
  const read = VARIABLES[name];
  if (read === undefined) return { constant: true, value: undefined };
  return { constant: false, read };
}
