/**
 * Compiles an IML syntax tree to closures once, so evaluating is a few calls and property reads
 * (DESIGN principle 8: no eval, no Function, no vm). Function names and arities are checked here,
 * at compile time, against the catalogue (Make's help: https://help.make.com/use-functions).
 */
import { ExpressionError } from '../errors/expression-error.ts';
import { MakeError } from '../errors/make-error.ts';
import type { BinaryNode, CallNode, Node } from './ast.ts';
import { toBoolean } from './coerce.ts';
import { compileBinaryChain, compilePath } from './compile-chains.ts';
import type { FunctionSpec } from './functions/types.ts';
import { keywordReader } from './keywords.ts';
import { BINARY_OPERATORS, negate, not } from './operators.ts';
import { MAX_EXPRESSION_DEPTH } from './parser.ts';
import { nearest } from './suggest.ts';
import type { EvalContext } from './types.ts';

export type Evaluator = (ctx: EvalContext) => unknown;

export interface CompileEnv {
  readonly source: string;
  readonly functions: ReadonlyMap<string, FunctionSpec>;
  /** Module ids referenced, filled while compiling. */
  readonly references: Set<number>;
}

/**
 * `depth` is true nesting — parentheses, arguments, unary operands, a right operand of higher
 * precedence — never the length of a chain: `1 + 1 + … + 1` and `1.a.b.c…` compile as loops
 * (compileBinaryChain, compilePath), so their length is bounded by nothing but the text.
 */
export function compileNode(node: Node, env: CompileEnv, depth = 0): Evaluator {
  if (depth > MAX_EXPRESSION_DEPTH) {
    throw new ExpressionError(
      'too-deep',
      `The formula nests deeper than ${MAX_EXPRESSION_DEPTH} levels`,
      node.pos,
      env.source,
    );
  }
  const sub = (child: Node) => compileNode(child, env, depth + 1);
  switch (node.type) {
    case 'literal':
    case 'missing':
    case 'var': {
      const value = node.type === 'literal' ? node.value : undefined;
      return () => value;
    }
    case 'keyword': {
      const kw = keywordReader(node.name);
      if (!kw.constant) return kw.read;
      const value = kw.value;
      return () => value;
    }
    case 'module': {
      const id = node.id;
      env.references.add(id);
      return (ctx) => ctx.output(id);
    }
    case 'member':
    case 'index':
      return compilePath(node, sub);
    case 'unary': {
      const operand = sub(node.operand);
      return node.op === '-' ? (ctx) => negate(operand(ctx)) : (ctx) => not(operand(ctx));
    }
    case 'binary':
      return node.left.type === 'binary' ? compileBinaryChain(node, sub) : compileBinary(node, sub);
    case 'call':
      return compileCall(node, env, sub);
  }
}

function compileBinary(node: BinaryNode, sub: (n: Node) => Evaluator): Evaluator {
  const left = sub(node.left);
  const right = sub(node.right);
  if (node.op === 'and') return (ctx) => toBoolean(left(ctx)) && toBoolean(right(ctx));
  if (node.op === 'or') return (ctx) => toBoolean(left(ctx)) || toBoolean(right(ctx));
  const op = BINARY_OPERATORS[node.op];
  // A typed-in right operand (`1.a / 1.2`): no call for it per evaluation.
  if (node.right.type === 'literal') {
    const constant = node.right.value;
    return (ctx) => op(left(ctx), constant);
  }
  return (ctx) => op(left(ctx), right(ctx));
}

function compileCall(node: CallNode, env: CompileEnv, sub: (n: Node) => Evaluator): Evaluator {
  const spec = env.functions.get(node.name);
  if (spec === undefined) {
    const hint = nearest(node.name, env.functions.keys());
    const suggestion = hint === undefined ? '' : ` — did you mean ${hint}?`;
    throw new ExpressionError(
      'unknown-function',
      `Unknown function "${node.name}"${suggestion}`,
      node.pos,
      env.source,
    );
  }
  const count = node.args.length;
  if (count < spec.minArgs || count > spec.maxArgs) {
    const wanted = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    const message = `Function "${node.name}" takes ${wanted} argument(s), got ${count}`;
    throw new ExpressionError('wrong-arity', message, node.pos, env.source);
  }
  const args = node.args.map(sub);
  const { impl, name } = spec;
  return (ctx) => {
    const values = new Array<unknown>(count);
    let i = 0;
    for (const arg of args) values[i++] = arg(ctx);
    try {
      return impl(values, ctx);
    } catch (error) {
      throw asMakeError(error, name);
    }
  };
}

/** Anything a function throws that is not a MakeError becomes a DataError naming the function. */
export function asMakeError(error: unknown, functionName?: string): MakeError {
  if (error instanceof MakeError) return error;
  // Data nested tens of thousands deep (a parsed JSON, say) exhausts JavaScript's stack.
  const reason = isStackOverflow(error)
    ? 'the value is nested too deeply to process'
    : error instanceof Error
      ? error.message
      : String(error);
  const where =
    functionName === undefined ? 'Failed to evaluate the formula' : `Function "${functionName}" failed`;
  return new MakeError(
    'DataError',
    `${where}: ${reason}`,
    functionName === undefined ? undefined : { function: functionName },
  );
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
