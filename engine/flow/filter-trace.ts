/**
 * Explains a filter for the path trace (state/trace.ts): each condition of Make's OR-of-AND
 * groups (https://help.make.com/filtering) with its operands resolved for the current bundle. Runs only when
 * `RunOptions.trace` is on; the decision itself stays with the compiled filter (flow/filter.ts),
 * so tracing never changes what a run does. Every condition is evaluated, also those Make's
 * short-circuit skipped, so a failure shows every comparison; an operand that fails shows its
 * error message instead of a value.
 */

import { FILTER_OPERATORS } from '../expression/filter-operators.ts';
import { compileTemplate } from '../expression/index.ts';
import type { EvalContext } from '../expression/types.ts';
import type { TracedCondition } from '../state/trace.ts';

type Operand = (ctx: EvalContext) => unknown;

interface ExplainedCondition {
  readonly a: Operand;
  readonly b: Operand;
  readonly operator: string;
  readonly test: ((a: unknown, b: unknown, timezone: string) => boolean) | undefined;
}

/** Compiled once per filter (the raw filter is the one the loader compiled). */
const explainers = new WeakMap<object, readonly (readonly ExplainedCondition[])[]>();

export function explainFilter(raw: unknown, ctx: EvalContext): TracedCondition[][] {
  if (raw === null || typeof raw !== 'object') return [];
  let groups = explainers.get(raw);
  if (!groups) {
    groups = compileGroups(raw as { conditions?: unknown });
    explainers.set(raw, groups);
  }
  return groups.map((group) => group.map((condition) => evaluate(condition, ctx)));
}

function compileGroups(raw: { conditions?: unknown }): ExplainedCondition[][] {
  const groups = Array.isArray(raw.conditions) ? raw.conditions : [];
  return groups.map((group) => (Array.isArray(group) ? group : []).map(compileCondition));
}

function compileCondition(raw: unknown): ExplainedCondition {
  const condition = (raw ?? {}) as { a?: unknown; o?: unknown; b?: unknown };
  const operator = String(condition.o);
  const op = FILTER_OPERATORS.get(operator);
  return {
    a: operand(condition.a),
    b: op?.unary ? () => undefined : operand(condition.b),
    operator,
    test: op?.test,
  };
}

function operand(raw: unknown): Operand {
  if (typeof raw !== 'string') return () => raw;
  try {
    const template = compileTemplate(raw);
    return (ctx) => template.evaluate(ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return () => ({ error: message });
  }
}

function evaluate(condition: ExplainedCondition, ctx: EvalContext): TracedCondition {
  const a = resolve(condition.a, ctx);
  const b = resolve(condition.b, ctx);
  return {
    a: a.value,
    operator: condition.operator,
    b: b.value,
    passed: !a.failed && !b.failed && test(condition, a.value, b.value, ctx),
  };
}

/** An unknown operator never passes (as the loader compiles it); nor does one that throws. */
function test(condition: ExplainedCondition, a: unknown, b: unknown, ctx: EvalContext): boolean {
  if (condition.test === undefined) return false;
  try {
    return condition.test(a, b, ctx.timezone);
  } catch {
    return false;
  }
}

function resolve(operand: Operand, ctx: EvalContext): { value: unknown; failed: boolean } {
  try {
    return { value: operand(ctx), failed: false };
  } catch (error) {
    return { value: { error: error instanceof Error ? error.message : String(error) }, failed: true };
  }
}
