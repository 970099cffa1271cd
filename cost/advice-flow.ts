/**
 * Fixes inside the flow, each priced by the model (HC `how-features-use-credits`; Make Academy
 * "using credits effectively"): move a filter before modules it does not need; batch an app call
 * made once per item with an aggregator and the app's bulk module.
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';
import type { Advice } from './advice.ts';
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

/** An app action called once per item could be called once per batch (aggregator + a bulk module). */
export function batching(scenario: Scenario, model: CostModel): RunAdvice[] {
  const out: RunAdvice[] = [];
  for (const node of scenario.modules) {
    const e = byId(model, node.id);
    if (!e || node.definition || node.kind !== 'action' || e.credits <= 0) continue;
    const source = [...e.factors]
      .reverse()
      .find((f) => /^(items|results)\(\d+\)$/.test(f.name) && f.value > 1);
    const sourceId = source ? Number(/\((\d+)\)/.exec(source.name)?.[1]) : undefined;
    const sourceEstimate = sourceId === undefined ? undefined : byId(model, sourceId);
    if (!sourceEstimate) continue;
    // One aggregation plus one bulk call per source operation.
    const batched = 2 * sourceEstimate.executions * (e.credits / e.executions);
    const savingPerRun = clean(e.credits - batched);
    out.push({
      code: 'batch-with-aggregator',
      moduleIds: [node.id, sourceEstimate.id],
      message: `${name(e)} runs once per item of ${name(sourceEstimate)}; if the app has a bulk/batch module, aggregate the items and call it once.`,
      savingPerRun,
    });
  }
  return out;
}

function byId(model: CostModel, id: number): ModuleEstimate | undefined {
  return model.modules.find((m) => m.id === id);
}

function locate(scenario: Scenario, id: number): { flow: readonly ModuleNode[]; index: number } | undefined {
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

export function name(m: Pick<ModuleEstimate, 'id' | 'label' | 'key'> | undefined): string {
  if (!m) return '?';
  return `${m.label ?? m.key} [${m.id}]`;
}
