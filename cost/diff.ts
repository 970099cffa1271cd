/**
 * Two versions of a scenario on the same inputs: what each module costs per run before and after
 * (matched by module id, as Make keeps ids when a scenario is edited), and the monthly change.
 */
import type { CostModel, ModuleEstimate } from './model.ts';
import type { Monthly } from './monthly.ts';
import { clean } from './term.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'same';

export interface ModuleChange {
  id: number;
  label: string;
  change: ChangeKind;
  before: { operations: number; credits: number } | null;
  after: { operations: number; credits: number } | null;
  /** after − before, credits per run. */
  credits: number;
}

export interface CostDiff {
  modules: ModuleChange[];
  perRun: { before: number; after: number; change: number };
  operationsPerRun: { before: number; after: number; change: number };
  perMonth: { before: number; after: number; change: number } | undefined;
}

export function diffCosts(
  before: CostModel,
  after: CostModel,
  monthly?: { before: Monthly; after: Monthly },
): CostDiff {
  const ids = [...new Set([...before.modules.map((m) => m.id), ...after.modules.map((m) => m.id)])].sort(
    (a, b) => a - b,
  );
  const modules = ids.map((id) => change(id, find(before, id), find(after, id)));
  return {
    modules,
    perRun: delta(before.credits, after.credits),
    operationsPerRun: delta(before.operations, after.operations),
    perMonth: monthly ? delta(monthly.before.credits, monthly.after.credits) : undefined,
  };
}

function change(
  id: number,
  before: ModuleEstimate | undefined,
  after: ModuleEstimate | undefined,
): ModuleChange {
  const either = after ?? before;
  const cost = (m: ModuleEstimate | undefined) =>
    m ? { operations: m.operations, credits: m.credits } : null;
  const credits = clean((after?.credits ?? 0) - (before?.credits ?? 0));
  const operations = (after?.operations ?? 0) - (before?.operations ?? 0);
  let kind: ChangeKind = credits !== 0 || operations !== 0 || before?.key !== after?.key ? 'changed' : 'same';
  if (!before) kind = 'added';
  if (!after) kind = 'removed';
  return {
    id,
    label: either?.label ?? either?.key ?? `module ${id}`,
    change: kind,
    before: cost(before),
    after: cost(after),
    credits,
  };
}

function find(model: CostModel, id: number): ModuleEstimate | undefined {
  return model.modules.find((m) => m.id === id);
}

function delta(before: number, after: number): { before: number; after: number; change: number } {
  return { before, after, change: clean(after - before) };
}
