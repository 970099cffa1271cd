/**
 * THE core loop: walks one bundle through one flow, depth-first (Make's help:
 * https://help.make.com/scenario-execution-flow `walk`), and
 * dispatches on the module's kind. Every Make rule lives in engine/flow/*; this file only routes.
 * It stays synchronous while modules answer synchronously (a step returns `undefined`) and only
 * chains promises from the first asynchronous answer on: no per-bundle async overhead.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import { emit, withoutSource } from '../flow/aggregator.ts';
import { handleModuleError, reachDirective } from '../flow/error-handler.ts';
import { passes } from '../flow/filter.ts';
import { runIfElse, runMerge } from '../flow/if-else.ts';
import { runRouter } from '../flow/router.ts';
import type { Continuation, Flow, Walker } from '../flow/walker.ts';
import type { Bundle, FieldsRun, Outputs } from '../registry/define-module.ts';
import { asMakeError } from '../state/evaluate.ts';
import type { Execution } from '../state/execution.ts';
import { EngineStop } from '../state/limits.ts';
import { outputAt } from '../state/output-list.ts';
import { isThenable, type StepResult, step } from './step.ts';
import { stepOnFields } from './step-on-fields.ts';

function walk(ex: Execution, flow: readonly ModuleNode[], index: number, cont: Continuation | null): Flow {
  if (ex.stopped) return;
  const node = flow[index];
  if (node === undefined) return cont ? runMerge(ex, cont, walker) : undefined;
  if (node.filter) {
    const pass = gate(ex, node);
    if (pass === false) return;
    if (pass !== true) return pass.then((ok) => (ok ? dispatch(ex, flow, index, cont) : undefined));
  }
  return dispatch(ex, flow, index, cont);
}

function dispatch(
  ex: Execution,
  flow: readonly ModuleNode[],
  index: number,
  cont: Continuation | null,
): Flow {
  const node = flow[index] as ModuleNode;
  switch (node.kind) {
    case 'router':
      return runRouter(ex, node, cont, walker);
    case 'if-else':
      return runIfElse(ex, flow, index, walker);
    case 'merge':
      // Reached only through an If-else continuation; a stray Merge passes the bundle on.
      return walk(ex, flow, index + 1, cont);
    case 'aggregator':
      if (ex.aggregation.collect(ex, node)) return;
      return recover(ex, { node, outs: [], flow, index, cont, unit: false }, withoutSource(node));
    case 'directive':
      return reachDirective(ex, node) ? walk(ex, flow, index + 1, cont) : undefined;
    default:
      return runModule(ex, flow, index, cont);
  }
}

function runModule(
  ex: Execution,
  flow: readonly ModuleNode[],
  index: number,
  cont: Continuation | null,
): Flow {
  const node = flow[index] as ModuleNode;
  const onFields = ex.plan.fieldRuns[node.id];
  if (onFields !== undefined && !ex.mocks.has(node)) return runOnFields(ex, flow, index, cont, onFields);
  let result: StepResult;
  try {
    result = step(ex, node);
  } catch (error) {
    return recover(ex, { node, outs: [], flow, index, cont, unit: false }, error);
  }
  if (isThenable(result)) {
    return result.then(
      (outs) => fanOut(ex, { node, outs, flow, index, cont, unit: false }),
      (error: unknown) => recover(ex, { node, outs: [], flow, index, cont, unit: false }, error),
    );
  }
  if (result.length === 1 && !ex.plan.aggregatorsByFeeder[node.id])
    return single(ex, node, flow, index, cont, outputAt(result, 0));
  return fanOut(ex, { node, outs: result, flow, index, cont, unit: false });
}

/** A module run on its mapper's field values (step-on-fields.ts): always one bundle. */
function runOnFields(
  ex: Execution,
  flow: readonly ModuleNode[],
  index: number,
  cont: Continuation | null,
  run: FieldsRun,
): Flow {
  const node = flow[index] as ModuleNode;
  let out: Bundle;
  try {
    out = stepOnFields(ex, node, run);
  } catch (error) {
    return recover(ex, { node, outs: [], flow, index, cont, unit: false }, error);
  }
  if (!ex.plan.aggregatorsByFeeder[node.id]) return single(ex, node, flow, index, cont, out);
  return fanOut(ex, { node, outs: [out], flow, index, cont, unit: false });
}

/**
 * The common case — one output bundle, no aggregator fed — without the FanOut/Loop objects:
 * this runs for every bundle of every module. Positional parameters for the same reason.
 */
function single(
  ex: Execution,
  node: ModuleNode,
  flow: readonly ModuleNode[],
  index: number,
  cont: Continuation | null,
  out: Bundle | undefined,
): Flow {
  const previous = ex.ctx.slots[node.id];
  ex.ctx.slots[node.id] = out;
  const pending = walk(ex, flow, index + 1, cont);
  if (pending) {
    return pending.then(() => {
      ex.ctx.slots[node.id] = previous;
    });
  }
  ex.ctx.slots[node.id] = previous;
  return undefined;
}

/** The module failed: the error handler decides; on Resume the substitute output continues. */
function recover(ex: Execution, f: FanOut, error: unknown): Flow {
  if (!(error instanceof MakeError)) throw error;
  return fail(ex, f.node, error).then((resumed) => {
    if (!resumed) return;
    ex.recorder.emitted(f.node.id, [resumed]);
    return fanOut(ex, { ...f, outs: [resumed] });
  });
}

export interface FanOut {
  node: ModuleNode;
  outs: Outputs;
  flow: readonly ModuleNode[];
  index: number;
  cont: Continuation | null;
  /** Each bundle is one commit unit (the first module's bundles, auto commit off). */
  unit: boolean;
}

const NO_BUCKETS: Loop['saved'] = [];

interface Loop {
  readonly f: FanOut;
  readonly previous: unknown;
  readonly aggregators: readonly ModuleNode[] | undefined;
  readonly saved: ReturnType<Execution['aggregation']['open']>;
}

/**
 * One operation's output bundles, each walked to the end before the next (depth-first). The
 * aggregators fed by this module collect during the loop and emit when it ends (Make's help:
 * https://help.make.com/aggregator).
 */
export function fanOut(ex: Execution, f: FanOut): Flow {
  const aggregators = ex.plan.aggregatorsByFeeder[f.node.id];
  const saved = aggregators ? ex.aggregation.open(aggregators, f.cont) : NO_BUCKETS;
  return loop(ex, { f, previous: ex.ctx.slots[f.node.id], aggregators, saved }, 0);
}

function loop(ex: Execution, l: Loop, from: number): Flow {
  const { f } = l;
  const outs = f.outs;
  for (let i = from; i < outs.length && !ex.stopped; i++) {
    ex.ctx.slots[f.node.id] = outputAt(outs, i);
    const pending = walk(ex, f.flow, f.index + 1, f.cont);
    if (pending) {
      return pending.then(() => {
        afterBundle(ex, f);
        return loop(ex, l, i + 1);
      });
    }
    afterBundle(ex, f);
  }
  ex.ctx.slots[f.node.id] = l.previous;
  return l.aggregators ? emitAll(ex, l.aggregators, l.saved) : undefined;
}

function afterBundle(ex: Execution, f: FanOut): void {
  if (f.unit) ex.tx.commit();
}

async function emitAll(
  ex: Execution,
  aggregators: readonly ModuleNode[],
  saved: Loop['saved'],
): Promise<void> {
  const buckets = ex.aggregation.close(aggregators, saved);
  for (let i = 0; i < aggregators.length && !ex.stopped; i++) {
    await emit(ex, aggregators[i] as ModuleNode, buckets[i] as (typeof buckets)[number], walker);
  }
}

function gate(ex: Execution, node: ModuleNode): boolean | Promise<boolean> {
  try {
    return passes(ex, node);
  } catch (error) {
    if (error instanceof EngineStop) throw error;
    // A filter whose formula fails is the module's error for this bundle.
    return fail(ex, node, asMakeError(node, error)).then(() => false);
  }
}

function fail(ex: Execution, node: ModuleNode, error: MakeError): Promise<Bundle | undefined> {
  return handleModuleError(ex, node, error, walker);
}

export const walker: Walker = { walk, dispatch, gate, fail };
