/**
 * One module's cost per run from its expected executions, priced by THE counting table
 * (engine/runtime/operations.ts) and, for usage-billed modules, as a credit range; and the totals.
 */
import type { ModuleNode } from '../engine/blueprint/scenario.ts';
import { chargeFor } from '../engine/runtime/operations.ts';
import { clean, type Factor, formula, numbers, type Term } from './term.ts';
import { type UsageOverrides, type UsageRange, usageRange } from './usage-billed.ts';

export interface ModuleEstimate {
  id: number;
  key: string;
  label: string | undefined;
  kind: ModuleNode['kind'];
  /** Times the module is charged per run (executions; aggregations for aggregators). */
  executions: number;
  operations: number;
  credits: number;
  /** Credits per run when billed by usage: low and high. */
  creditsRange: { min: number; max: number } | undefined;
  usage: UsageRange | undefined;
  formula: string;
  numbers: string;
  factors: readonly Factor[];
}

export interface CostModel {
  modules: ModuleEstimate[];
  operations: number;
  credits: number;
  creditsRange: { min: number; max: number };
  /** Every factor the model used, once by name. */
  factors: Factor[];
}

export function estimateOf(node: ModuleNode, term: Term, overrides: UsageOverrides): ModuleEstimate {
  const charge = chargeFor(node.kind, node.definition);
  const executions = term.value;
  const credits = clean((executions * charge.centicredits) / 100);
  const usage = charge.centicredits > 0 ? usageRange(node.key, overrides) : undefined;
  const creditsRange = usage
    ? { min: clean(executions * usage.min), max: clean(executions * usage.max) }
    : undefined;
  return {
    id: node.id,
    key: node.key,
    label: node.label,
    kind: node.kind,
    executions,
    operations: clean(executions * charge.operations),
    credits,
    creditsRange,
    usage,
    formula: formula(term),
    numbers: numbers(term),
    factors: term.factors,
  };
}

export function summarise(modules: ModuleEstimate[]): CostModel {
  const byName = new Map<string, Factor>();
  let operations = 0;
  let credits = 0;
  let min = 0;
  let max = 0;
  for (const m of modules) {
    operations += m.operations;
    credits += m.credits;
    min += m.creditsRange?.min ?? m.credits;
    max += m.creditsRange?.max ?? m.credits;
    for (const f of m.factors) if (!f.name.startsWith('(')) byName.set(f.name, f);
  }
  return {
    modules,
    operations: clean(operations),
    credits: clean(credits),
    creditsRange: { min: clean(min), max: clean(max) },
    factors: [...byName.values()],
  };
}
