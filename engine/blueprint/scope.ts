/**
 * What a module may map (Make's help: https://help.make.com/blueprints, https://help.make.com/throw): the
 * outputs of the modules before it on its own path. Not on another route or branch, not later in the flow,
 * not the feeder-to-aggregator stretch once the aggregator has run (Make's help on aggregators:
 * after an aggregator only its own output and the modules before its source module remain); in
 * an error route the failed module itself is mappable as `{{N.error}}`. Findings are warnings
 * (reference-checks.ts) — except a Merge out of place. Also fills each aggregator's `scopeDrop`.
 * Linear in the blueprint's size: one PathScope, undone on the way back out of each route.
 */
import type { BuildState, DraftNode } from './build.ts';
import type { Steps } from './pace.ts';
import { PathScope } from './path-scope.ts';
import { checkUses } from './reference-checks.ts';

/** Pauses (pace.ts) once per module. */
export function checkScopes(flow: readonly DraftNode[], state: BuildState): Steps<void> {
  return walkFlow(flow, new PathScope(), state);
}

/** Recurses only into routes, branches and error routes (their nesting is bounded at build). */
function* walkFlow(flow: readonly DraftNode[], scope: PathScope, state: BuildState): Steps<void> {
  const start = scope.mark();
  const visible = (id: number) => scope.has(id);
  for (let i = 0; i < flow.length; i++) {
    const node = flow[i] as DraftNode;
    checkUses(state.uses.get(node) ?? [], visible, node, state);
    if (node.kind === 'aggregator') applyAggregator(node, scope, state);
    if (node.kind === 'merge') checkMerge(node, flow[i - 1], visible, state);
    scope.push(node.id);
    for (const route of node.routes) yield* walkFlow(route.flow as DraftNode[], scope, state);
    for (const branch of node.branches) yield* walkFlow(branch.flow as DraftNode[], scope, state);
    // The failed module's own slot holds `{ error }` inside its error route (https://help.make.com/throw).
    if (node.onerror.length > 0) yield* walkFlow(node.onerror as DraftNode[], scope, state);
    if (node.kind === 'if-else') checkMergeFollows(node, flow[i + 1], state);
    yield;
  }
  scope.reset(start);
}

function applyAggregator(node: DraftNode, scope: PathScope, state: BuildState): void {
  const dropped = node.feederId === undefined ? undefined : scope.dropFrom(node.feederId);
  if (dropped) {
    node.scopeDrop = dropped;
    return;
  }
  const exists = node.feederId !== undefined && state.byId.has(node.feederId);
  // Make's editor asks for a source module; we load the blueprint and the aggregator fails
  // with InvalidConfigurationError when a bundle reaches it (engine/flow/aggregator.ts).
  state.problems.warning({
    code: 'aggregator-feeder',
    pointer: `${node.pointer}/parameters/feeder`,
    message:
      node.feederId === undefined
        ? `aggregator ${node.id} has no source module (parameters.feeder)`
        : `aggregator ${node.id}'s source module ${node.feederId} ${exists ? 'is not upstream on its path' : 'does not exist'}`,
    hint: 'set "Source Module" to an iterator or search module earlier on the same route',
    moduleId: node.id,
  });
}

function checkMergeFollows(ifElse: DraftNode, next: DraftNode | undefined, state: BuildState): void {
  if (next?.kind === 'merge' || !ifElse.branches.some((b) => b.merge)) return;
  state.problems.warning({
    code: 'merge-position',
    pointer: ifElse.pointer,
    message: `if-else ${ifElse.id} has branches marked to merge but no Merge module follows it`,
    hint: 'add a Merge module right after the If-else, or untick "merge" on its branches',
    moduleId: ifElse.id,
  });
}

function checkMerge(
  merge: DraftNode,
  previous: DraftNode | undefined,
  visible: (id: number) => boolean,
  state: BuildState,
): void {
  const uses = state.mergeUses.get(merge) ?? [];
  if (previous?.kind !== 'if-else') {
    state.problems.error({
      code: 'merge-position',
      pointer: merge.pointer,
      message: `merge ${merge.id} must come right after an If-else module in the same flow`,
      hint: 'Make places Merge directly after the If-else whose branches it joins',
      moduleId: merge.id,
    });
    checkUses(uses, visible, merge, state);
    return;
  }
  const inBranches = new Set<number>();
  for (const branch of previous.branches) collectIds(branch.flow as DraftNode[], inBranches);
  checkUses(uses, (id) => visible(id) || inBranches.has(id), merge, state);
}

function collectIds(flow: readonly DraftNode[], into: Set<number>): void {
  for (const node of flow) {
    into.add(node.id);
    for (const route of node.routes) collectIds(route.flow as DraftNode[], into);
    for (const branch of node.branches) collectIds(branch.flow as DraftNode[], into);
  }
}
