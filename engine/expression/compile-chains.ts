/**
 * Chains compiled as loops, so a formula's length never becomes call-stack depth (DESIGN
 * principle 7 bounds true nesting only): `1.a.b[2].c…` read step by step from its root, and
 * left-associative operator chains `a + b - c …` evaluated left to right.
 */
import type { BinaryNode, BinaryOp, IndexNode, MemberNode, Node } from './ast.ts';
import { toBoolean } from './coerce.ts';
import type { Evaluator } from './compile.ts';
import { BINARY_OPERATORS } from './operators.ts';
import { readFirst, readIndex, readKey, readOwnKey } from './references.ts';
import type { EvalContext, VariableScopes } from './types.ts';

const SCOPES: ReadonlySet<string> = new Set(['scenario', 'execution', 'organization', 'team', 'input']);

type Step = (value: unknown, ctx: EvalContext) => unknown;

/** `a.b[2].c…`: the chain of keys and indexes, read in a loop from its root. */
export function compilePath(node: MemberNode | IndexNode, sub: (n: Node) => Evaluator): Evaluator {
  const steps: Step[] = [];
  let root: Node = node;
  while ((root.type === 'member' && root.object.type !== 'var') || root.type === 'index') {
    steps.push(root.type === 'member' ? keyStep(root.key) : indexStep(root, sub));
    root = root.object;
  }
  steps.reverse();
  const base = root.type === 'member' ? varScope(root.key) : sub(root);
  const direct = root.type === 'module' ? moduleFields(root.id, node) : undefined;
  if (direct) return direct;
  if (steps.length === 1) {
    const [only] = steps as [Step];
    return (ctx) => only(base(ctx), ctx);
  }
  return (ctx) => {
    let value = base(ctx);
    for (const step of steps) value = step(value, ctx);
    return value;
  };
}

/**
 * `1.a` and `1.a.b` (own keys, the usual reference) read with no call through a closure per
 * step: the generic loop's calls go to every step of every formula, which V8 cannot inline.
 */
function moduleFields(id: number, node: MemberNode | IndexNode): Evaluator | undefined {
  const keys: string[] = [];
  let at: Node = node;
  while (at.type === 'member' && at.object.type !== 'var') {
    if (at.key in Object.prototype) return undefined;
    keys.push(at.key);
    at = at.object;
  }
  if (at.type !== 'module') return undefined;
  if (keys.length === 1) {
    const [key] = keys as [string];
    return (ctx) => readOwnKey(ctx.output(id), key);
  }
  if (keys.length === 2) {
    // Collected from the outermost step in: `1.first.last`.
    const [last, first] = keys as [string, string];
    return (ctx) => readOwnKey(readOwnKey(ctx.output(id), first), last);
  }
  return undefined;
}

function keyStep(key: string): Step {
  if (key in Object.prototype) return (value) => readKey(value, key);
  return (value) => readOwnKey(value, key);
}

function indexStep(node: IndexNode, sub: (n: Node) => Evaluator): Step {
  if (node.index === null) return (value) => readFirst(value);
  if (node.index.type === 'literal') {
    // `[2]` typed in: no closure call for the index on the hot path.
    const constant = node.index.value;
    return (value) => readIndex(value, constant);
  }
  const index = sub(node.index);
  return (value, ctx) => readIndex(value, index(ctx));
}

/** `var.organization` etc. read the EvalContext's scopes; any other `var.x` names nothing. */
function varScope(key: string): Evaluator {
  if (!SCOPES.has(key)) return () => undefined;
  const scope = key as keyof VariableScopes;
  return (ctx) => ctx.vars[scope];
}

/**
 * `a + b - c …`: the parser builds left-associative chains as a left spine; it is evaluated in
 * a loop, left to right, `and`/`or` still short-circuiting their right operand.
 */
export function compileBinaryChain(node: BinaryNode, sub: (n: Node) => Evaluator): Evaluator {
  const ops: BinaryOp[] = [];
  const rights: Evaluator[] = [];
  let first: Node = node;
  while (first.type === 'binary') {
    ops.push(first.op);
    rights.push(sub(first.right));
    first = first.left;
  }
  ops.reverse();
  rights.reverse();
  const start = sub(first);
  return (ctx) => {
    let value = start(ctx);
    for (let i = 0; i < ops.length; i++)
      value = applyBinary(ops[i] as BinaryOp, value, rights[i] as Evaluator, ctx);
    return value;
  };
}

function applyBinary(op: BinaryOp, left: unknown, right: Evaluator, ctx: EvalContext): unknown {
  if (op === 'and') return toBoolean(left) && toBoolean(right(ctx));
  if (op === 'or') return toBoolean(left) || toBoolean(right(ctx));
  return BINARY_OPERATORS[op](left, right(ctx));
}
