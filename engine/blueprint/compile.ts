/**
 * Compiles a module's templates through the IML core (engine/expression/index.ts) and turns its
 * syntax errors into BlueprintProblems: `template-syntax` (with the formula position),
 * `unknown-function`, `unknown-operator` (hint = nearest real operator).
 */
import { ExpressionError } from '../errors/expression-error.ts';
import { compileFilter, compileTemplate, compileValue } from '../expression/index.ts';
import type { CompiledFilter, CompiledValue, RawFilter } from '../expression/types.ts';
import type { ProblemList } from './problems.ts';
import { isRecord } from './settings.ts';

/**
 * A call to a function the catalogue does not know, or with an argument count it does not
 * accept (real exports call `parseDate(x)` with one argument). Make fails such a formula only when it runs
 * (here the field raises a DataError when evaluated), and our catalogue may lag Make's, so loading warns
 * rather than refuses (choice recorded in docs/fidelity.md).
 */
export const UNKNOWN_FUNCTION_SEVERITY = 'warning' as const;

/**
 * A formula that does not parse. Make imports such a blueprint and fails the module when it runs
 * (the corpus has real exports with hand-broken escaping), so loading warns and the field raises a
 * DataError when evaluated. `makesim validate --strict` fails on it.
 */
export const TEMPLATE_SYNTAX_SEVERITY = 'warning' as const;

export function compileMapper(
  raw: unknown,
  pointer: string,
  problems: ProblemList,
  moduleId?: number,
): CompiledValue {
  return compileValue(raw, pointer, (at, error) => reportExpression(at, error, problems, moduleId));
}

export function compileRawFilter(
  raw: unknown,
  pointer: string,
  problems: ProblemList,
  moduleId?: number,
): CompiledFilter | null {
  if (!isRecord(raw)) return null;
  const filter: RawFilter = {
    name: typeof raw.name === 'string' ? raw.name : undefined,
    conditions: Array.isArray(raw.conditions) ? (raw.conditions as RawFilter['conditions']) : [],
  };
  return compileFilter(filter, pointer, (at, message, hint) => {
    if (at.endsWith('/o')) {
      problems.error({
        code: 'unknown-operator',
        pointer: at,
        message,
        hint: hint ?? 'use an operator such as text:equal, number:greater or exist',
        moduleId,
      });
      return;
    }
    const error = operandError(raw, at.slice(pointer.length));
    if (error) reportExpression(at, error, problems, moduleId);
    else
      problems[TEMPLATE_SYNTAX_SEVERITY]({ code: 'template-syntax', pointer: at, message, hint, moduleId });
  });
}

function reportExpression(
  pointer: string,
  error: ExpressionError,
  problems: ProblemList,
  moduleId?: number,
): void {
  // error.message carries the 0-based position in the field ("(at position N)").
  const where = `in ${JSON.stringify(clip(error.source))}`;
  if (error.code === 'unknown-function' || error.code === 'wrong-arity') {
    const unknown = error.code === 'unknown-function';
    problems[UNKNOWN_FUNCTION_SEVERITY]({
      code: unknown ? 'unknown-function' : 'function-arity',
      pointer,
      message: `${error.message} ${where}; the module fails with a DataError when it maps this field`,
      hint: unknown
        ? "check the function name against Make's function list"
        : "check the arguments against the function's page in Make's help",
      moduleId,
    });
    return;
  }
  problems[TEMPLATE_SYNTAX_SEVERITY]({
    code: 'template-syntax',
    pointer,
    message: `formula error ${where}: ${error.message}; the module fails with a DataError when it maps this field`,
    hint: 'fix the formula at that position (check {{ }} pairs, quotes and parentheses)',
    moduleId,
  });
}

/** Re-compiles one filter operand (`/conditions/g/c/a`) to learn its error code. */
function operandError(filter: Record<string, unknown>, suffix: string): ExpressionError | undefined {
  const match = /^\/conditions\/(\d+)\/(\d+)\/([ab])$/.exec(suffix);
  if (!match || !Array.isArray(filter.conditions)) return undefined;
  const group: unknown = filter.conditions[Number(match[1])];
  const condition: unknown = Array.isArray(group) ? group[Number(match[2])] : undefined;
  const source = isRecord(condition) ? condition[match[3] ?? 'a'] : undefined;
  if (typeof source !== 'string') return undefined;
  try {
    compileTemplate(source);
    return undefined;
  } catch (error) {
    return error instanceof ExpressionError ? error : undefined;
  }
}

function clip(source: string): string {
  return source.length > 120 ? `${source.slice(0, 117)}…` : source;
}
