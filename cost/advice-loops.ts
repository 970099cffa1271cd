/**
 * Advice about loops — the modules an iterator, a Repeater or a many-result search runs once per
 * item. Each saving is the model re-run on the changed flow (cost/what-if.ts):
 * - an app action per item → one bulk call after an Array aggregator (e.g. Google Sheets
 *   "Bulk Add Rows" instead of "Add a Row");
 * - a search per item that reads nothing of the item → one search before the loop;
 * - a Sleep per item → no Sleep; a Repeater → one pass;
 * - work between the loop and its aggregator that the aggregator does not read → after it.
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';
import type { AdviceInput } from './advice.ts';
import type { RunAdvice } from './advice-flow.ts';
import { byId, locate } from './advice-flow.ts';
import { name } from './advice-names.ts';
import type { CostModel, ModuleEstimate } from './model.ts';
import { clean } from './term.ts';
import { batched, move, without } from './what-if.ts';

const LOOP_FACTOR = /^(items|results|repeats)\((\d+)\)$/;

/** The innermost loop source of a module: the last items/results/repeats factor above 1. */
function loopSource(m: ModuleEstimate): number | undefined {
  for (const f of [...m.factors].reverse()) {
    const match = LOOP_FACTOR.exec(f.name);
    if (match && f.value > 1) return Number(match[2]);
  }
  return undefined;
}

/** Ids of the modules inside the loop of `source` (their executions carry its factor). */
function loopMembers(model: CostModel, source: number): Set<number> {
  const members = new Set<number>();
  for (const m of model.modules)
    if (m.factors.some((f) => LOOP_FACTOR.exec(f.name)?.[2] === String(source))) members.add(m.id);
  return members;
}

/** App modules that write one record per call: the ones apps offer bulk versions of. */
const WRITE = /^(add|create|insert|append|upsert|update|upload)/i;

function isWrite(node: ModuleNode): boolean {
  return WRITE.test(node.key.slice(node.key.indexOf(':') + 1));
}

/**
 * Only the last module of its flow is batched: anything after it would run once per batch instead
 * of once per item, which changes what the scenario does, not just what it costs.
 */
function isLast(scenario: Scenario, id: number): boolean {
  const at = locate(scenario, id);
  return at !== undefined && at.index === at.flow.length - 1;
}

function reads(node: ModuleNode): number[] {
  return [...(node.mapper?.references ?? []), ...(node.filter?.references ?? [])];
}

export function loopAdvice(input: AdviceInput): RunAdvice[] {
  const { scenario, model, remodel } = input;
  const saving = (changed: CostModel) => clean(model.credits - changed.credits);
  const out: RunAdvice[] = [];
  for (const node of scenario.modules) {
    const e = byId(model, node.id);
    const source = e && e.credits > 0 ? loopSource(e) : undefined;
    if (!e || source === undefined || node.inErrorRoute) continue;
    const sourceName = name(byId(model, source));
    const inLoop = loopMembers(model, source);
    const independent = !reads(node).some((id) => id === source || inLoop.has(id));
    if (node.key === 'util:FunctionSleep') {
      out.push({
        code: 'sleep-in-loop',
        moduleIds: [node.id, source],
        message: `${name(e)} sleeps once per item of ${sourceName} (${e.executions} times a run, 1 credit each); let the app's rate limit or a scheduled retry pace the calls instead.`,
        savingPerRun: saving(remodel(without(scenario, node.id))),
      });
    } else if (node.kind === 'search' && independent) {
      out.push({
        code: 'search-before-loop',
        moduleIds: [node.id, source],
        message: `${name(e)} searches once per item of ${sourceName} but reads nothing of the item: search once, before ${sourceName}.`,
        savingPerRun: saving(remodel(move(scenario, node.id, source, 'before'))),
      });
    } else if (node.kind === 'action' && !node.definition && isWrite(node) && isLast(scenario, node.id)) {
      const bulk = node.key === 'google-sheets:addRow' ? ' (Google Sheets: "Bulk Add Rows")' : '';
      out.push({
        code: 'bulk-instead-of-per-item',
        moduleIds: [node.id, source],
        message: `${name(e)} is called once per item of ${sourceName} (${e.executions} times a run); collect the items with an Array aggregator and call the app's bulk module once${bulk}.`,
        savingPerRun: saving(remodel(batched(scenario, node.id, source))),
      });
    }
  }
  return [...out, ...repeaterAdvice(input), ...aggregateEarlier(input)];
}

/** A Repeater multiplies every module after it; one pass saves the rest. */
function repeaterAdvice({ scenario, model, remodel }: AdviceInput): RunAdvice[] {
  return scenario.modules
    .filter((n) => n.key === 'builtin:BasicRepeater')
    .flatMap((node) => {
      const repeats = model.modules
        .flatMap((m) => m.factors)
        .find((f) => f.name === `repeats(${node.id})`)?.value;
      if (repeats === undefined || repeats <= 1) return [];
      const once = remodel(scenario, new Map([[String(node.id), 1]]));
      return [
        {
          code: 'repeater-multiplies' as const,
          moduleIds: [node.id],
          message: `${name(byId(model, node.id))} runs the modules after it ${repeats} times a run; if one call can fetch everything (a larger page size, a list/search module), one pass is enough.`,
          savingPerRun: clean(model.credits - once.credits),
        },
      ];
    });
}

/** Modules between a loop and its aggregator that read nothing of the loop and that it does not read. */
function aggregateEarlier({ scenario, model, remodel }: AdviceInput): RunAdvice[] {
  const out: RunAdvice[] = [];
  for (const agg of scenario.modules) {
    if (agg.kind !== 'aggregator' || agg.feederId === undefined) continue;
    const at = locate(scenario, agg.id);
    if (!at) continue;
    const aggReads = new Set([...reads(agg), ...(agg.groupBy?.references ?? [])]);
    const inLoop = loopMembers(model, agg.feederId);
    const start = at.flow.findIndex((n) => n.id === agg.feederId) + 1;
    for (const node of at.flow.slice(Math.max(start, 0), at.index)) {
      const e = byId(model, node.id);
      const free = !reads(node).some((id) => id === agg.feederId || inLoop.has(id));
      if (!e || e.credits <= 0 || !free || aggReads.has(node.id) || start <= 0) continue;
      out.push({
        code: 'aggregate-earlier',
        moduleIds: [node.id, agg.id],
        message: `${name(e)} runs once per item although it reads nothing of the item and ${name(byId(model, agg.id))} does not read it: move it after the aggregator.`,
        savingPerRun: clean(model.credits - remodel(move(scenario, node.id, agg.id, 'after')).credits),
      });
    }
  }
  return out;
}
