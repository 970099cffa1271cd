/**
 * Changed copies of a loaded scenario, so advice can re-run the model on the flow as it would be
 * after the change (move a module, remove it, batch it behind an aggregator) instead of guessing
 * the saving. Only the flow structure changes; every module keeps its id, so calibration by
 * measured runs still applies to it.
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';

type FlowEdit = (flow: readonly ModuleNode[]) => readonly ModuleNode[];

/** Applies `edit` to every flow of the scenario (main, routes, branches, error routes), inner first. */
export function rewrite(scenario: Scenario, edit: FlowEdit): Scenario {
  const walk = (flow: readonly ModuleNode[]): readonly ModuleNode[] =>
    edit(
      flow.map((node) => ({
        ...node,
        routes: node.routes.map((r) => ({ ...r, flow: walk(r.flow) })),
        branches: node.branches.map((b) => ({ ...b, flow: walk(b.flow) })),
        onerror: walk(node.onerror),
      })),
    );
  const flow = walk(scenario.flow);
  const modules: ModuleNode[] = [];
  const collect = (nodes: readonly ModuleNode[]) => {
    for (const node of nodes) {
      modules.push(node);
      for (const r of node.routes) collect(r.flow);
      for (const b of node.branches) collect(b.flow);
      collect(node.onerror);
    }
  };
  collect(flow);
  return { ...scenario, flow, modules, byId: new Map(modules.map((m) => [m.id, m])) };
}

export function without(scenario: Scenario, id: number): Scenario {
  return rewrite(scenario, (flow) => flow.filter((n) => n.id !== id));
}

/** Moves module `id` to just before (`where: 'before'`) or after module `anchor`, wherever that is. */
export function move(scenario: Scenario, id: number, anchor: number, where: 'before' | 'after'): Scenario {
  const node = scenario.byId.get(id);
  if (!node) return scenario;
  const removed = without(scenario, id);
  return rewrite(removed, (flow) => {
    const at = flow.findIndex((n) => n.id === anchor);
    if (at < 0) return flow;
    const index = where === 'before' ? at : at + 1;
    return [...flow.slice(0, index), node, ...flow.slice(index)];
  });
}

/**
 * Module `id` (the last of its flow), run once per item of `source`, made into one call per
 * operation of `source`: an Array aggregator of `source`'s items, then the module as the app's
 * bulk module, in its place.
 */
export function batched(scenario: Scenario, id: number, source: number): Scenario {
  const node = scenario.byId.get(id);
  if (!node) return scenario;
  const aggregatorId = Math.max(...scenario.modules.map((m) => m.id)) + 1;
  const aggregator: ModuleNode = {
    ...node,
    id: aggregatorId,
    key: 'builtin:BasicAggregator',
    kind: 'aggregator',
    definition: undefined,
    label: `Array aggregator of ${source}`,
    filter: null,
    feederId: source,
    groupBy: null,
    onerror: [],
    routes: [],
    branches: [],
  };
  const bulk: ModuleNode = { ...node, filter: null, onerror: [] };
  return rewrite(scenario, (flow) => {
    const at = flow.findIndex((n) => n.id === id);
    if (at < 0) return flow;
    return [...flow.slice(0, at), aggregator, bulk, ...flow.slice(at + 1)];
  });
}
