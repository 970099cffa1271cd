/**
 * Fixes inside the flow, each priced per run: filter earlier
 * (https://help.make.com/how-features-use-credits), and
 * the loop fixes of cost/advice-loops.ts, whose savings re-run the model on the changed flow.
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';
import type { Advice, AdviceInput } from './advice.ts';
import { loopAdvice } from './advice-loops.ts';
import { name } from './advice-names.ts';
import type { CostModel, ModuleEstimate } from './model.ts';
import { clean } from './term.ts';

/** A fix inside the flow: its saving is per run (the caller scales it to the month). */
export type RunAdvice = Omit<Advice, 'savingPerMonth'>;

const SOURCES = new Set<ModuleNode['kind']>([
  'trigger',
  'instant-trigger',
  'iterator',
  'search',
  'aggregator',
  'router',
  'if-else',
  'merge',
]);

export function flowAdvice(input: AdviceInput): RunAdvice[] {
  return [...filterEarlier(input.scenario, input.model), ...loopAdvice(input)];
}

/** Modules between a filter and the bundle's source that the filter does not read would run less often. */
export function filterEarlier(scenario: Scenario, model: CostModel): RunAdvice[] {
  const out: RunAdvice[] = [];
  for (const node of scenario.modules) {
    const estimate = byId(model, node.id);
    const pass = estimate?.factors.find((f) => f.name === `pass(${node.id})`)?.value;
    const location = node.filter ? locate(scenario, node.id) : undefined;
    if (!node.filter || pass === undefined || pass >= 1 || !location) continue;
    const skipped: ModuleEstimate[] = [];
    for (let j = location.index - 1; j >= 0; j--) {
      const before = location.flow[j];
      if (!before) break;
      if (SOURCES.has(before.kind) || node.filter.references.includes(before.id)) break;
      const e = byId(model, before.id);
      if (e && e.credits > 0) skipped.push(e);
    }
    const savingPerRun = clean(skipped.reduce((total, e) => total + e.credits, 0) * (1 - pass));
    if (skipped.length === 0) continue;
    out.push({
      code: 'filter-earlier',
      moduleIds: [node.id, ...skipped.map((e) => e.id)],
      message: `Move the filter of ${name(estimate)} before ${skipped.map(name).join(', ')}: it lets ${Math.round(pass * 100)} % through and does not use their output.`,
      savingPerRun,
    });
  }
  return out;
}

export function byId(model: CostModel, id: number): ModuleEstimate | undefined {
  return model.modules.find((m) => m.id === id);
}

export function locate(
  scenario: Scenario,
  id: number,
): { flow: readonly ModuleNode[]; index: number } | undefined {
  const search = (
    flow: readonly ModuleNode[],
  ): { flow: readonly ModuleNode[]; index: number } | undefined => {
    for (const [index, node] of flow.entries()) {
      if (node.id === id) return { flow, index };
      for (const child of [
        ...node.routes.map((r) => r.flow),
        ...node.branches.map((b) => b.flow),
        node.onerror,
      ]) {
        const found = search(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(scenario.flow);
}
