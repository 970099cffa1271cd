/**
 * Filters (Help Center https://help.make.com/filtering): an OR of AND
 * groups of conditions `{a, o, b}`; `a` and `b` are templates, `b` is absent for unary operators.
 */
import { ExpressionError } from '../errors/expression-error.ts';
import { FILTER_OPERATORS, type FilterTest } from './filter-operators.ts';
import { sortedIds } from './sorted-ids.ts';
import { nearest } from './suggest.ts';
import { compileTemplateWith, type TemplateOptions } from './template.ts';
import type { CompiledFilter, EvalContext, FilterCondition, RawFilter } from './types.ts';
import { unusableFormula } from './value.ts';

export type FilterErrorSink = (pointer: string, message: string, hint?: string) => void;

type Operand = (ctx: EvalContext) => unknown;
type Condition = (ctx: EvalContext) => boolean;

/**
 * A filter with no conditions, or a group with none, lets every bundle through: Make's UI only
 * saves a filter once a condition is set, so an empty one is a vacuous AND (our choice, recorded
 * in docs/fidelity.md).
 */
export const EMPTY_FILTER_PASSES = true;

export function compileFilterWith(
  filter: RawFilter,
  pointer: string,
  onError: FilterErrorSink,
  options: TemplateOptions = {},
): CompiledFilter {
  const references = new Set<number>();
  const raw = Array.isArray(filter.conditions) ? filter.conditions : [];
  const groups = raw.map((group, g) =>
    (Array.isArray(group) ? group : []).map((condition, c) =>
      compileCondition(condition, `${pointer}/conditions/${g}/${c}`, { onError, options, references }),
    ),
  );
  return { name: filter.name, references: sortedIds(references), test: orOfAnds(groups) };
}

function orOfAnds(groups: readonly (readonly Condition[])[]): (ctx: EvalContext) => boolean {
  if (groups.length === 0) return () => EMPTY_FILTER_PASSES;
  return (ctx) => {
    for (const group of groups) {
      if (group.length === 0 ? EMPTY_FILTER_PASSES : allPass(group, ctx)) return true;
    }
    return false;
  };
}

function allPass(group: readonly Condition[], ctx: EvalContext): boolean {
  for (const condition of group) if (!condition(ctx)) return false;
  return true;
}

interface Walk {
  readonly onError: FilterErrorSink;
  readonly options: TemplateOptions;
  readonly references: Set<number>;
}

function compileCondition(condition: FilterCondition, pointer: string, walk: Walk): Condition {
  if (typeof condition !== 'object' || condition === null) {
    walk.onError(
      pointer,
      'A filter condition must be an object',
      'write it as {"a": "{{1.x}}", "o": "text:equal", "b": "value"}',
    );
    return () => false;
  }
  const op = FILTER_OPERATORS.get(condition.o);
  const a = compileOperand(condition.a, `${pointer}/a`, walk);
  if (op === undefined) {
    const hint = nearest(String(condition.o), FILTER_OPERATORS.keys());
    walk.onError(
      `${pointer}/o`,
      `Unknown filter operator "${String(condition.o)}"`,
      hint && `did you mean ${hint}?`,
    );
    // Never passes: a condition Make would reject must not let bundles through.
    return () => false;
  }
  const test: FilterTest = op.test;
  if (op.unary) return (ctx) => test(a(ctx), undefined, ctx.timezone);
  const b = compileOperand(condition.b, `${pointer}/b`, walk);
  return (ctx) => test(a(ctx), b(ctx), ctx.timezone);
}

/** Operands may also be null, booleans or numbers (FORMAN IML_FILTER_ENTRY_TYPES). */
function compileOperand(raw: unknown, pointer: string, walk: Walk): Operand {
  if (typeof raw !== 'string') return () => raw;
  try {
    const template = compileTemplateWith(raw, walk.options);
    for (const id of template.references) walk.references.add(id);
    return template.evaluate;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    walk.onError(pointer, error.message, 'fix the formula at the given position');
    return unusableFormula(error);
  }
}
