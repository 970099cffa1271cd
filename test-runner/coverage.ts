/**
 * `--coverage`: per blueprint, the parts of the flow no case exercised — modules, routes, if-else
 * branches, error routes, and filters that never let a bundle through or never stopped one.
 */
import type { ModuleNode, Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import type { BlueprintRun } from './run-suite.ts';

export interface CoverageItem {
  pointer: string;
  moduleId: number;
  label?: string;
  /** Routes and if-else branches: their position counted from 1, as in Make's editor and the run tree. */
  position?: number;
}

export interface CoverageReport {
  blueprint: string;
  cases: number;
  modulesNeverRun: CoverageItem[];
  routesNeverTaken: CoverageItem[];
  branchesNeverTaken: CoverageItem[];
  errorRoutesNeverRun: CoverageItem[];
  filtersNeverPassed: CoverageItem[];
  filtersNeverRejected: CoverageItem[];
  /** Everything above is empty. */
  complete: boolean;
}

/** Key of an error route in `record.paths`: the failing module's pointer + `/onerror`. */
export const errorRoutePointer = (node: ModuleNode) => `${node.pointer}/onerror`;

export function coverageOf(run: BlueprintRun): CoverageReport {
  const { scenario, records } = run;
  const seen = sumPaths(records);
  const modules = moduleTotals(records);
  const report: CoverageReport = {
    blueprint: run.blueprint,
    cases: records.length,
    modulesNeverRun: [],
    routesNeverTaken: [],
    branchesNeverTaken: [],
    errorRoutesNeverRun: [],
    filtersNeverPassed: [],
    filtersNeverRejected: [],
    complete: false,
  };
  for (const node of scenario.modules) collect(node, { report, seen, modules, scenario });
  report.complete = [
    report.modulesNeverRun,
    report.routesNeverTaken,
    report.branchesNeverTaken,
    report.errorRoutesNeverRun,
    report.filtersNeverPassed,
    report.filtersNeverRejected,
  ].every((list) => list.length === 0);
  return report;
}

interface Totals {
  ran: boolean;
  passed: number;
  failed: number;
}

function collect(
  node: ModuleNode,
  ctx: {
    report: CoverageReport;
    seen: Map<string, number>;
    modules: Map<number, Totals>;
    scenario: Scenario;
  },
): void {
  const item = (pointer: string, position?: number): CoverageItem => ({
    pointer,
    moduleId: node.id,
    ...(node.label === undefined ? {} : { label: node.label }),
    ...(position === undefined ? {} : { position }),
  });
  const totals = ctx.modules.get(node.id) ?? { ran: false, passed: 0, failed: 0 };
  if (!totals.ran) ctx.report.modulesNeverRun.push(item(node.pointer));
  if (node.filter) {
    if (totals.passed === 0) ctx.report.filtersNeverPassed.push(item(node.pointer));
    if (totals.failed === 0) ctx.report.filtersNeverRejected.push(item(node.pointer));
  }
  node.routes.forEach((route, i) => {
    if (!route.disabled && !ctx.seen.get(route.pointer))
      ctx.report.routesNeverTaken.push(item(route.pointer, i + 1));
  });
  node.branches.forEach((branch, i) => {
    if (!ctx.seen.get(branch.pointer)) ctx.report.branchesNeverTaken.push(item(branch.pointer, i + 1));
  });
  if (node.onerror.length > 0 && !ctx.seen.get(errorRoutePointer(node))) {
    ctx.report.errorRoutesNeverRun.push(item(errorRoutePointer(node)));
  }
}

function sumPaths(records: readonly ExecutionRecord[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const record of records) {
    for (const [pointer, count] of Object.entries(record.paths))
      seen.set(pointer, (seen.get(pointer) ?? 0) + count);
  }
  return seen;
}

function moduleTotals(records: readonly ExecutionRecord[]): Map<number, Totals> {
  const totals = new Map<number, Totals>();
  for (const record of records) {
    for (const m of record.modules) {
      const t = totals.get(m.id) ?? { ran: false, passed: 0, failed: 0 };
      t.ran ||= m.bundlesIn > 0 || m.operations > 0 || m.calls.length > 0;
      t.passed += m.filter?.passed ?? 0;
      t.failed += m.filter?.failed ?? 0;
      totals.set(m.id, t);
    }
  }
  return totals;
}

export function formatCoverage(report: CoverageReport): string {
  const lines = [`coverage of ${report.blueprint} (${report.cases} case(s)):`];
  if (report.complete) return `${lines[0]} every module, route, branch, error route and filter exercised\n`;
  const section = (title: string, items: CoverageItem[], part?: string) => {
    for (const i of items) {
      const name = `${i.moduleId}${i.label ? ` "${i.label}"` : ''}`;
      const what =
        part && i.position !== undefined
          ? `${part} ${i.position} of ${part === 'route' ? 'router' : 'if-else'} ${name}`
          : `module ${name}`;
      lines.push(`  ${title} ${what} (${i.pointer})`);
    }
  };
  section('module never ran:', report.modulesNeverRun);
  section('route never taken:', report.routesNeverTaken, 'route');
  section('if-else branch never taken:', report.branchesNeverTaken, 'branch');
  section('error route never ran:', report.errorRoutesNeverRun);
  section('filter never passed:', report.filtersNeverPassed);
  section('filter never rejected:', report.filtersNeverRejected);
  return `${lines.join('\n')}\n`;
}
