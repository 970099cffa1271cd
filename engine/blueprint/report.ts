/**
 * The static report `makesim validate` prints per blueprint: problems, the app modules that
 * need mocks, and a fidelity summary (modules fully / partly / not modelled; functions used in
 * templates that the catalogue knows or not).
 */
import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import { functions as catalogue } from '../expression/functions/index.ts';
import type { FunctionSpec } from '../expression/functions/types.ts';
import { scanValue, type TemplateUse } from './scan.ts';
import type { Scenario } from './scenario.ts';

export interface BlueprintReport {
  file: string;
  name: string | undefined;
  errors: number;
  warnings: number;
  problems: BlueprintProblem[];
  /** App modules (no built-in definition): they run from mocks. */
  mocksNeeded: Array<{ id: number; module: string }>;
  fidelity: {
    modules: { full: number; partial: number; mocked: number };
    functions: { known: string[]; unknown: string[] };
  };
}

export function buildReport(
  file: string,
  scenario: Scenario | undefined,
  problems: readonly BlueprintProblem[],
  known: ReadonlyMap<string, FunctionSpec> = catalogue,
): BlueprintReport {
  const modules = scenario?.modules ?? [];
  const used = new Set<string>();
  for (const node of modules) for (const name of functionsOf(node.raw, node.pointer)) used.add(name);
  const names = [...used].sort();
  return {
    file,
    name: scenario?.name,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems: [...problems],
    mocksNeeded: modules.filter((m) => !m.definition).map((m) => ({ id: m.id, module: m.key })),
    fidelity: {
      modules: {
        full: modules.filter((m) => m.definition?.fidelity === 'full').length,
        partial: modules.filter((m) => m.definition?.fidelity === 'partial').length,
        mocked: modules.filter((m) => !m.definition).length,
      },
      functions: { known: names.filter((n) => known.has(n)), unknown: names.filter((n) => !known.has(n)) },
    },
  };
}

/** The module's own templates: mapper, filter, flags, if-else conditions, merge outputs/filters. */
function functionsOf(raw: Readonly<Record<string, unknown>>, pointer: string): string[] {
  const uses: TemplateUse[] = [];
  for (const key of ['mapper', 'filter', 'flags', 'outputs', 'filters'])
    scanValue(raw[key], `${pointer}/${key}`, uses);
  if (Array.isArray(raw.branches)) {
    raw.branches.forEach((branch: unknown, i) => {
      if (typeof branch === 'object' && branch !== null && 'conditions' in branch)
        scanValue(branch.conditions, `${pointer}/branches/${i}/conditions`, uses);
    });
  }
  return uses.flatMap((use) => use.functions);
}
