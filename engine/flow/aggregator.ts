/**
 * Aggregators — https://help.make.com/aggregator; https://github.com/integromat/make-skills `aggregators.md`.
 * An aggregator collects the bundles that reach it during ONE operation of its source module
 * (`parameters.feeder`) and outputs when that operation has finished (all its bundles walked): one bundle, or
 * one per group (`flags.groupBy`, with `key`); nothing if empty and `flags.stopIfEmpty`. Afterwards the
 * outputs of the feeder and of the modules in between are out of scope (`scopeDrop`).
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';
import type { Bucket } from '../state/aggregation.ts';
import { asMakeError } from '../state/evaluate.ts';
import type { Execution } from '../state/execution.ts';
import { EngineStop } from '../state/limits.ts';
import { missingMock } from '../state/mocks.ts';
import { NO_CHARGE } from '../state/operations.ts';
import type { Continuation, Walker } from './walker.ts';

/**
 * Make's editor will not run an aggregator without a source module; a blueprint that names none
 * (or one not upstream) loads with a warning, and the aggregator fails when a bundle reaches it.
 */
export function withoutSource(node: ModuleNode): MakeError {
  const named =
    node.feederId === undefined
      ? 'names no source module (parameters.feeder)'
      : `names module ${node.feederId} as its source, which is not upstream of it`;
  return new MakeError(
    'InvalidConfigurationError',
    `aggregator ${node.id} ${named}; choose its "Source Module" (an iterator or search earlier on the same route)`,
  );
}

/** One aggregation: output bundle(s), then the walk continues after the aggregator. */
export async function emit(ex: Execution, node: ModuleNode, bucket: Bucket, walker: Walker): Promise<void> {
  if (bucket.items.length === 0 && node.flags.stopIfEmpty === true) return;
  const cost = ex.plan.charges[node.id] ?? NO_CHARGE;
  ex.recorder.charge(node.id, cost);
  ex.counters.addOperations(cost.operations, node.id);
  let bundles: Bundle[];
  try {
    bundles = await aggregate(ex, node, bucket);
  } catch (error) {
    if (error instanceof EngineStop) throw error;
    const makeError = asMakeError(node, error);
    ex.recorder.call(node.id, ex.cycle, { items: bucket.items.length }, [], {
      type: makeError.type,
      message: makeError.message,
      moduleId: node.id,
    });
    const resumed = await walker.fail(ex, node, makeError);
    if (!resumed) return;
    bundles = [resumed];
  }
  ex.counters.addBundles(bundles.length, node.id);
  ex.recorder.aggregated(node.id, ex.cycle, bucket.items.length, bundles);
  await continueAfter(ex, node, bundles, bucket.cont, walker);
}

function aggregate(ex: Execution, node: ModuleNode, bucket: Bucket): Bundle[] | Promise<Bundle[]> {
  // A mocked aggregator sees the bundles it collected as its input.
  if (ex.mocks.has(node)) return ex.mocks.next(node, { items: bucket.items }, ex.cycle);
  const run = node.definition?.aggregate;
  if (!run) throw missingMock(node);
  const call = (items: readonly Record<string, unknown>[]) =>
    run({ items, parameters: node.parameters, node }, ex.moduleContext);
  if (!bucket.keys) return [call(bucket.items)];
  return groups(bucket).map(([key, items]) => ({ ...call(items), key }));
}

/** Groups in order of first appearance; keys compare by value. */
function groups(bucket: Bucket): Array<[unknown, Record<string, unknown>[]]> {
  const byKey = new Map<string, [unknown, Record<string, unknown>[]]>();
  bucket.items.forEach((item, i) => {
    const key = bucket.keys?.[i];
    const id = typeof key === 'object' && key !== null ? JSON.stringify(key) : `${typeof key}:${String(key)}`;
    const group = byKey.get(id) ?? [key, []];
    group[1].push(item);
    byKey.set(id, group);
  });
  return [...byKey.values()];
}

async function continueAfter(
  ex: Execution,
  node: ModuleNode,
  bundles: Bundle[],
  cont: Continuation | null,
  walker: Walker,
): Promise<void> {
  const location = ex.plan.locations[node.id];
  if (!location) return;
  const dropped = node.scopeDrop.map((id) => ex.ctx.enter(id, undefined));
  try {
    for (const bundle of bundles) {
      if (ex.stopped) break;
      const previous = ex.ctx.enter(node.id, bundle);
      await walker.walk(ex, location.flow, location.index + 1, cont);
      ex.ctx.restore(node.id, previous);
    }
  } finally {
    for (let i = 0; i < node.scopeDrop.length; i++) ex.ctx.restore(node.scopeDrop[i] as number, dropped[i]);
  }
}
