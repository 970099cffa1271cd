/**
 * What a module may map (spec/execution-spec.md §1.3, §1.5, §2.5–2.8): the outputs of the
 * modules before it on its own path. Not on another route or branch, not later in the flow,
 * not the feeder-to-aggregator stretch once the aggregator has run (HC `aggregator`); in an
 * error route the failed module itself is mappable as `{{N.error}}`. A reference outside this
 * is a WARNING — Make renders it empty — except an aggregator's feeder, which must be upstream.
 * Also fills each aggregator's `scopeDrop`, and checks that a Merge follows its If-else.
 */
import type { BuildState, DraftNode } from './build.ts';
import type { TemplateUse } from './scan.ts';

export function checkScopes(flow: readonly DraftNode[], state: BuildState): void {
  walkFlow(flow, [], state);
}

function walkFlow(flow: readonly DraftNode[], before: readonly number[], state: BuildState): void {
  let path = [...before];
  flow.forEach((node, i) => {
    checkUses(state.uses.get(node) ?? [], new Set(path), state);
    if (node.kind === 'aggregator') path = applyAggregator(node, path, state);
    if (node.kind === 'merge') checkMerge(node, flow[i - 1], path, state);
    const inside = [...path, node.id];
    for (const route of node.routes) walkFlow(route.flow as DraftNode[], inside, state);
    for (const branch of node.branches) walkFlow(branch.flow as DraftNode[], inside, state);
    // The failed module's own slot holds `{ error }` inside its error route (§1.5).
    walkFlow(node.onerror as DraftNode[], inside, state);
    if (node.kind === 'if-else') checkMergeFollows(node, flow[i + 1], state);
    path = inside;
  });
}

function checkUses(uses: readonly TemplateUse[], visible: ReadonlySet<number>, state: BuildState): void {
  for (const use of uses) {
    for (const id of use.references) {
      if (visible.has(id)) continue;
      const target = state.byId.get(id);
      if (!target) {
        state.problems.warning({
          code: 'reference-missing',
          pointer: use.pointer,
          message: `{{${id}.…}} refers to module ${id}, which is not in the blueprint; Make maps it as empty`,
          hint: 'map a field of a module that is upstream on this path, or remove the mapping',
        });
      } else {
        state.problems.warning({
          code: 'reference-not-upstream',
          pointer: use.pointer,
          message: `{{${id}.…}} refers to module ${id} (${target.pointer}), which is not upstream on this path; Make maps it as empty`,
          hint: 'only modules earlier on the same route (and not dropped by an aggregator) can be mapped',
        });
      }
    }
  }
}

function applyAggregator(node: DraftNode, path: number[], state: BuildState): number[] {
  const start = node.feederId === undefined ? -1 : path.indexOf(node.feederId);
  if (start < 0) {
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
    return path;
  }
  node.scopeDrop = path.slice(start);
  return path.slice(0, start);
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
  path: readonly number[],
  state: BuildState,
): void {
  if (previous?.kind !== 'if-else') {
    state.problems.error({
      code: 'merge-position',
      pointer: merge.pointer,
      message: `merge ${merge.id} must come right after an If-else module in the same flow`,
      hint: 'Make places Merge directly after the If-else whose branches it joins',
      moduleId: merge.id,
    });
    checkUses(state.mergeUses.get(merge) ?? [], new Set(path), state);
    return;
  }
  const visible = new Set(path);
  for (const branch of previous.branches) collectIds(branch.flow as DraftNode[], visible);
  checkUses(state.mergeUses.get(merge) ?? [], visible, state);
}

function collectIds(flow: readonly DraftNode[], into: Set<number>): void {
  for (const node of flow) {
    into.add(node.id);
    for (const route of node.routes) collectIds(route.flow as DraftNode[], into);
    for (const branch of node.branches) collectIds(branch.flow as DraftNode[], into);
  }
}
