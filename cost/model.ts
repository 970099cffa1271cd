/**
 * The per-run cost model: walks the loaded flow as the runtime does
 * (https://help.make.com/scenario-execution-flow, https://help.make.com/router,
 * https://help.make.com/if-else-and-merge, https://help.make.com/iterator, https://help.make.com/aggregator;
 * docs/cost.md) and gives each module its expected executions as a product of factors — trigger bundles,
 * iterator and search sizes, filter pass rates, router routes (fallback only when nothing matched), the one
 * If-else branch taken, one aggregation per operation of the feeder — then prices them with THE
 * counting table (engine/runtime/operations.ts).
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';
import { chargeFor } from '../engine/runtime/operations.ts';
import { type CostModel, estimateOf, type ModuleEstimate, summarise } from './module-estimate.ts';
import { type ModelInputs, Parameters } from './parameters.ts';
import { branchFactors, routeFactors } from './paths.ts';
import { type Factor, ONE, sum, type Term, times } from './term.ts';
import type { UsageOverrides } from './usage-billed.ts';

export type { CostModel, ModuleEstimate } from './module-estimate.ts';

export function modelScenario(scenario: Scenario, inputs: ModelInputs = {}): CostModel {
  const walk = new ModelWalk(scenario, new Parameters(inputs), inputs.usage ?? {});
  const first = scenario.flow[0];
  if (first) walk.flow(scenario.flow, 0, times(ONE, walk.params.cycles()), false);
  const modules = scenario.modules.map(
    (node) => walk.estimates.get(node.id) ?? estimateOf(node, { factors: [], value: 0 }, inputs.usage ?? {}),
  );
  return summarise(modules);
}

class ModelWalk {
  readonly estimates = new Map<number, ModuleEstimate>();
  readonly #executions = new Map<number, Term>();
  readonly params: Parameters;
  readonly #scenario: Scenario;
  readonly #usage: UsageOverrides;

  constructor(scenario: Scenario, params: Parameters, usage: UsageOverrides) {
    this.#scenario = scenario;
    this.params = params;
    this.#usage = usage;
  }

  /** Walks `flow` from `start` with `term` bundles arriving; returns what reaches its end (for Merge). */
  flow(flow: readonly ModuleNode[], start: number, arriving: Term, gated: boolean): Term | undefined {
    let term = arriving;
    for (let i = start; i < flow.length; i++) {
      const node = flow[i];
      if (!node) break;
      if (node.filter && !(gated && i === start)) term = times(term, this.params.pass(node));
      if (node.kind === 'router') {
        this.record(node, term);
        for (const [route, factor] of routeFactors(node, this.params))
          this.flow(route.flow, 0, times(term, factor), true);
        return undefined;
      }
      if (node.kind === 'if-else') {
        const merged = this.ifElse(node, term, flow[i + 1]);
        if (!merged) return undefined;
        term = merged;
        i++;
        continue;
      }
      if (node.kind === 'aggregator') term = this.aggregator(node);
      else if (node.kind !== 'merge' && node.kind !== 'directive') term = this.run(node, term);
      if (node.kind === 'directive') this.record(node, term);
    }
    return term;
  }

  /** A module that runs once per arriving bundle; returns the bundles it passes on. */
  run(node: ModuleNode, term: Term): Term {
    this.record(node, term);
    this.#executions.set(node.id, term);
    const errors = this.params.errors(node);
    if (errors && node.onerror.length > 0) this.flow(node.onerror, 0, times(term, errors), false);
    return times(term, this.outFactor(node));
  }

  outFactor(node: ModuleNode): Factor | undefined {
    const names: Partial<Record<ModuleNode['kind'], string>> = {
      trigger: 'bundles',
      'instant-trigger': 'bundles',
      iterator: 'items',
      search: 'results',
    };
    const named = node.key === 'builtin:BasicRepeater' ? 'repeats' : names[node.kind];
    const factor = this.params.bundles(node, `${named ?? 'out'}(${node.id})`);
    // A plain action passing its one bundle on is not worth a factor in the formula.
    return named === undefined && factor.value === 1 && factor.source !== 'set' ? undefined : factor;
  }

  ifElse(node: ModuleNode, term: Term, next: ModuleNode | undefined): Term | undefined {
    this.record(node, term);
    const ends: Term[] = [];
    for (const [branch, factor] of branchFactors(node, this.params)) {
      const entering = times(term, factor);
      const end = branch.flow.length === 0 ? entering : this.flow(branch.flow, 0, entering, false);
      if (branch.merge && end) ends.push(end);
    }
    if (next?.kind !== 'merge') return undefined;
    const merged = ends.length === 0 ? { factors: [], value: 0 } : sum(ends);
    this.record(next, merged);
    return merged;
  }

  /**
   * One aggregation per operation of the feeder (https://help.make.com/aggregator); the flow continues with
   * its output.
   */
  aggregator(node: ModuleNode): Term {
    const feeder = node.feederId === undefined ? undefined : this.#executions.get(node.feederId);
    const counts = this.params.counts(node.id);
    const feederNode = node.feederId === undefined ? undefined : this.#scenario.byId.get(node.feederId);
    const feederRuns = feederNode ? this.params.measuredExecutions(feederNode) : undefined;
    const perAggregation = chargeFor(node.kind, node.definition).operations || 1;
    const aggregations = counts ? counts.operations / perAggregation : undefined;
    let term = feeder ?? ONE;
    // Measured: aggregations per feeder operation (below 1 with "stop if empty", or a trigger cycle without bundles).
    if (aggregations !== undefined && feederRuns && aggregations !== feederRuns) {
      term = times(term, {
        name: `emits(${node.id})`,
        value: aggregations / feederRuns,
        source: 'measured',
      });
    }
    this.record(node, term);
    const groups = this.params.bundles(node, `groups(${node.id})`);
    if (counts && aggregations) return times(term, { ...groups, value: counts.bundlesOut / aggregations });
    return groups.source === 'set' ? times(term, groups) : term;
  }

  record(node: ModuleNode, term: Term): void {
    this.estimates.set(node.id, estimateOf(node, term, this.#usage));
  }
}
