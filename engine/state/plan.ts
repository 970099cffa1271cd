/**
 * Facts about a loaded scenario the walk needs in O(1): where each module sits, and which
 * aggregators collect from which feeder. Computed once per Scenario and cached.
 */
import type { ModuleNode, Scenario } from '../blueprint/scenario.ts';
import type { FieldsRun } from '../registry/define-module.ts';
import { type Charge, chargeFor } from './operations.ts';

export interface Location {
  readonly flow: readonly ModuleNode[];
  readonly index: number;
}

export interface FlowPlan {
  readonly maxId: number;
  /** By module id. */
  readonly locations: readonly (Location | undefined)[];
  /** By feeder id: the aggregators fed by that module, in blueprint order. */
  readonly aggregatorsByFeeder: readonly (readonly ModuleNode[] | undefined)[];
  /**
   * By module id: the nearest router whose route holds the module (through If-else branches, not
   * out of an error route). An Ignore of the module closes that router's later routes.
   */
  readonly routerOf: readonly (number | undefined)[];
  /** By module id: what one run costs (runtime/operations.ts), looked up for every bundle. */
  readonly charges: readonly Charge[];
  /** By module id: the module's run on its mapper's field values (ModuleDefinition.runOnFields). */
  readonly fieldRuns: readonly (FieldsRun | undefined)[];
}

const plans = new WeakMap<Scenario, FlowPlan>();

export function planOf(scenario: Scenario): FlowPlan {
  let plan = plans.get(scenario);
  if (!plan) {
    plan = buildPlan(scenario);
    plans.set(scenario, plan);
  }
  return plan;
}

function buildPlan(scenario: Scenario): FlowPlan {
  let maxId = 0;
  for (const node of scenario.modules) maxId = Math.max(maxId, node.id);
  const locations: (Location | undefined)[] = new Array(maxId + 1).fill(undefined);
  const byFeeder: (ModuleNode[] | undefined)[] = new Array(maxId + 1).fill(undefined);
  const routerOf: (number | undefined)[] = new Array(maxId + 1).fill(undefined);
  const visit = (flow: readonly ModuleNode[], router?: number): void => {
    flow.forEach((node, index) => {
      locations[node.id] = { flow, index };
      routerOf[node.id] = router;
      if (node.kind === 'aggregator' && node.feederId !== undefined && node.feederId <= maxId) {
        const list = byFeeder[node.feederId] ?? [];
        list.push(node);
        byFeeder[node.feederId] = list;
      }
      for (const route of node.routes) visit(route.flow, node.id);
      for (const branch of node.branches) visit(branch.flow, router);
      visit(node.onerror);
    });
  };
  visit(scenario.flow);
  const charges: Charge[] = new Array(maxId + 1).fill({ operations: 0, centicredits: 0 });
  const fieldRuns: (FieldsRun | undefined)[] = new Array(maxId + 1).fill(undefined);
  for (const node of scenario.modules) {
    charges[node.id] = chargeFor(node.kind, node.definition);
    fieldRuns[node.id] = fieldRunOf(node);
  }
  return { maxId, locations, aggregatorsByFeeder: byFeeder, routerOf, charges, fieldRuns };
}

/**
 * Only where the usual step would do nothing more than run the module on its input: a search's
 * bundles get positions, an ACID module joins a transaction, a stream is lazy.
 */
function fieldRunOf(node: ModuleNode): FieldsRun | undefined {
  const definition = node.definition;
  const shape = node.mapper?.shape;
  if (!definition?.runOnFields || !definition.run || shape === undefined || !node.mapper?.leaves) return;
  if (node.kind === 'search' || definition.acid === true || definition.stream) return;
  return definition.runOnFields(shape, node);
}
