/**
 * Compiles an IML syntax tree to closures once, so evaluating is a few calls and property reads
 * (DESIGN principle 8: no eval, no Function, no vm). Function names and arities are checked here,
 * at compile time, against the catalogue (spec/iml-spec.md §1.5).
 */
import { ExpressionError } from '../errors/expression-error.ts';
import { MakeError } from '../errors/make-error.ts';
import type { BinaryNode, CallNode, Node } from './ast.ts';
import { toBoolean } from './coerce.ts';
import type { FunctionSpec } from './functions/types.ts';
import { keywordReader } from './keywords.ts';
import { BINARY_OPERATORS, negate, not } from './operators.ts';
import { MAX_EXPRESSION_DEPTH } from './parser.ts';
import { readFirst, readIndex, readKey } from './references.ts';
import { nearest } from './suggest.ts';
import type { EvalContext, VariableScopes } from './types.ts';

export type Evaluator = (ctx: EvalContext) => unknown;

export interface CompileEnv {
  readonly source: string;
  readonly functions: ReadonlyMap<string, FunctionSpec>;
  /** Module ids referenced, filled while compiling. */
  readonly references: Set<number>;
}

const SCOPES: ReadonlySet<string> = new Set(['scenario', 'execution', 'organization', 'team', 'input']);

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
      return compileMember(node.object, node.key, sub);
    case 'index': {
      const object = sub(node.object);
      if (node.index === null) return (ctx) => readFirst(object(ctx));
      if (node.index.type === 'literal') {
        // `[2]` typed in: no closure call for the index on the hot path.
        const constant = node.index.value;
        return (ctx) => readIndex(object(ctx), constant);
      }
      const index = sub(node.index);
      return (ctx) => readIndex(object(ctx), index(ctx));
    }
    case 'unary': {
      const operand = sub(node.operand);
      return node.op === '-' ? (ctx) => negate(operand(ctx)) : (ctx) => not(operand(ctx));
    }
    case 'binary':
      return compileBinary(node, sub);
    case 'call':
      return compileCall(node, env, sub);
  }
}

function compileMember(objectNode: Node, key: string, sub: (n: Node) => Evaluator): Evaluator {
  if (objectNode.type === 'var') {
    // `var.organization` etc. read the EvalContext's scopes; any other `var.x` names nothing.
    if (!SCOPES.has(key)) return () => undefined;
    const scope = key as keyof VariableScopes;
    return (ctx) => ctx.vars[scope];
  }
  const object = sub(objectNode);
  return (ctx) => readKey(object(ctx), key);
}

function compileBinary(node: BinaryNode, sub: (n: Node) => Evaluator): Evaluator {
  const left = sub(node.left);
  const right = sub(node.right);
  if (node.op === 'and') return (ctx) => toBoolean(left(ctx)) && toBoolean(right(ctx));
  if (node.op === 'or') return (ctx) => toBoolean(left(ctx)) || toBoolean(right(ctx));
  const op = BINARY_OPERATORS[node.op];
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
  const reason = error instanceof Error ? error.message : String(error);
  const where =
    functionName === undefined ? 'Failed to evaluate the formula' : `Function "${functionName}" failed`;
  return new MakeError(
    'DataError',
    `${where}: ${reason}`,
    functionName === undefined ? undefined : { function: functionName },
  );
}
