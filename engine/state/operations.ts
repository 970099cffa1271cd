/**
 * THE counting table: operations and credits per module kind.
 * Implements Make's help: https://help.make.com/operations (https://help.make.com/operations,
 * https://help.make.com/how-features-use-credits,
 * `if-else-and-merge`) and https://help.make.com/coming-soon-credits-as-new-billing-unit-in-make (credits: 1
 * operation = 100 centicredits for non-AI modules).
 */
import type { ModuleDefinition } from '../registry/define-module.ts';
import type { ModuleKind } from '../registry/module-kind.ts';

export interface CountingRule {
  /** Operations charged each time the module runs (per call / per aggregation), 0 for free kinds. */
  readonly operationsPerRun: 0 | 1;
  /** Whether those operations also consume credits. */
  readonly credits: boolean;
  /** What one "run" of this kind is, for docs and the README. */
  readonly unit: string;
}

export const COUNTING_RULES: Readonly<Record<ModuleKind, CountingRule>> = {
  // 1 per check, whatever the trigger returns — also when it returns nothing
  // (https://help.make.com/operations).
  trigger: { operationsPerRun: 1, credits: true, unit: 'cycle' },
  'instant-trigger': { operationsPerRun: 1, credits: true, unit: 'cycle' },
  action: { operationsPerRun: 1, credits: true, unit: 'input bundle' },
  // Search / list: 1 per run even when it returns many bundles.
  search: { operationsPerRun: 1, credits: true, unit: 'input bundle' },
  // Iterator: 1 to split an array (per input bundle); downstream modules pay per item.
  iterator: { operationsPerRun: 1, credits: true, unit: 'input bundle' },
  aggregator: { operationsPerRun: 1, credits: true, unit: 'aggregation' },
  router: { operationsPerRun: 0, credits: false, unit: '—' },
  // If-else and Merge count operations but consume no credits (https://help.make.com/if-else-and-merge).
  'if-else': { operationsPerRun: 1, credits: false, unit: 'input bundle' },
  merge: { operationsPerRun: 1, credits: false, unit: 'input bundle' },
  responder: { operationsPerRun: 1, credits: true, unit: 'input bundle' },
  // "Error handler activation doesn't consume operations" (https://help.make.com/overview-of-error-handling).
  directive: { operationsPerRun: 0, credits: false, unit: '—' },
};

/** 1 credit per operation unless the module says otherwise (PROTO `Centicredits`). */
export const CENTICREDITS_PER_OPERATION = 100;

export interface Charge {
  readonly operations: number;
  readonly centicredits: number;
}

export const NO_CHARGE: Charge = { operations: 0, centicredits: 0 };

/** What one run of a module of `kind` (with `definition`, if any) costs. */
export function chargeFor(kind: ModuleKind, definition: ModuleDefinition | undefined): Charge {
  const rule = COUNTING_RULES[kind];
  if (rule.operationsPerRun === 0) return { operations: 0, centicredits: 0 };
  const perOp = rule.credits ? (definition?.centicredits ?? CENTICREDITS_PER_OPERATION) : 0;
  return { operations: rule.operationsPerRun, centicredits: perOp * rule.operationsPerRun };
}
