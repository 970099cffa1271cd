/**
 * `makesim test --faults`: re-runs each passing case with each module that has an error route
 * failing in turn, once per error type, and reports per blueprint which error routes no case
 * reaches, which directives' outcome no case asserts, and which cases' expectations do not hold
 * under a fault. A report, not a verdict: `--faults=strict` makes findings fail the run.
 */
import type { ModuleNode } from '../../engine/blueprint/scenario.ts';
import type { MakeErrorType } from '../../engine/errors/make-error.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { describeFailure } from '../reporters/describe-failure.ts';
import { runCase } from '../run-case.ts';
import type { BlueprintRun } from '../run-suite.ts';
import type { Expectations, TestCase } from '../types.ts';
import { type FaultTarget, faultTargets } from './fault-plan.ts';

export interface ModuleRef {
  moduleId: number;
  label?: string;
}

export interface FaultReport {
  blueprint: string;
  /** Fault runs made (cases × reached modules × error types). */
  runs: number;
  /** Error routes no case reached, even with their module failing. */
  unreachedRoutes: ModuleRef[];
  /** Directives that ran in no case whose expectations look at the run's outcome. */
  unassertedDirectives: Array<ModuleRef & { directive: string; routeOf: number }>;
  /** A case whose expectations fail when one module fails with one error type. */
  brokenCases: Array<ModuleRef & { case: string; errorType: string; failure: string }>;
  /** Modules with an error route. */
  targets: number;
}

export interface FaultOptions {
  types: readonly MakeErrorType[];
  allowNet?: true | readonly string[];
}

/** Every blueprint of a suite, one after the other (fault runs are many; the pool is per case). */
export async function runAllFaults(
  runs: readonly BlueprintRun[],
  options: FaultOptions,
): Promise<FaultReport[]> {
  const reports: FaultReport[] = [];
  for (const run of runs) reports.push(await runFaults(run, options));
  return reports;
}

export async function runFaults(run: BlueprintRun, options: FaultOptions): Promise<FaultReport> {
  const report: FaultReport = {
    blueprint: run.blueprint,
    runs: 0,
    unreachedRoutes: [],
    unassertedDirectives: [],
    brokenCases: [],
    targets: 0,
  };
  const targets = faultTargets(run.scenario);
  report.targets = targets.length;
  const reached = new Set<number>();
  const asserted = new Set<number>();
  for (const testCase of run.passed) {
    const normal = await runOne(run, testCase);
    for (const target of targets) {
      if (ranRoute(normal, target)) reached.add(target.node.id);
      for (const d of target.directives)
        if (ran(normal, d.id) && assertsOutcome(testCase.expect, d.id)) asserted.add(d.id);
      if (!ran(normal, target.node.id)) continue;
      for (const type of options.types)
        await injectOne(run, testCase, target, type, { report, reached, options });
    }
  }
  for (const target of targets) {
    if (!reached.has(target.node.id)) report.unreachedRoutes.push(ref(target.node));
    for (const d of target.directives) {
      if (!asserted.has(d.id))
        report.unassertedDirectives.push({ ...ref(d), directive: d.key, routeOf: target.node.id });
    }
  }
  return report;
}

async function injectOne(
  run: BlueprintRun,
  testCase: TestCase,
  target: FaultTarget,
  type: MakeErrorType,
  ctx: { report: FaultReport; reached: Set<number>; options: FaultOptions },
): Promise<void> {
  const fault = { error: { type, message: `Injected ${type} (makesim test --faults)` } };
  const faulty: TestCase = { ...testCase, mocks: { ...testCase.mocks, [String(target.node.id)]: fault } };
  const { record, failures } = await runCase({
    scenario: run.scenario,
    file: run.file,
    testCase: faulty,
    ...(ctx.options.allowNet ? { allowNet: ctx.options.allowNet } : {}),
  });
  ctx.report.runs++;
  if (ranRoute(record, target)) ctx.reached.add(target.node.id);
  const first = failures.find((f) => f.path !== 'snapshot');
  if (first) {
    ctx.report.brokenCases.push({
      ...ref(target.node),
      case: testCase.name,
      errorType: type,
      failure: describeFailure({ ...first, explanation: [] }),
    });
  }
}

async function runOne(run: BlueprintRun, testCase: TestCase): Promise<ExecutionRecord> {
  return (await runCase({ scenario: run.scenario, file: run.file, testCase })).record;
}

function ran(record: ExecutionRecord, id: number): boolean {
  const m = record.modules.find((r) => r.id === id);
  return m !== undefined && (m.bundlesIn > 0 || m.calls.length > 0);
}

function ranRoute(record: ExecutionRecord, target: FaultTarget): boolean {
  return (record.paths[target.routePointer] ?? 0) > 0;
}

/** Expectations that would notice a different directive outcome (status, stored bundles, response, …). */
function assertsOutcome(expect: Expectations | undefined, directiveId: number): boolean {
  if (!expect) return false;
  return (
    expect.status !== undefined ||
    expect.error !== undefined ||
    expect.incomplete !== undefined ||
    expect.response !== undefined ||
    expect.snapshot === true ||
    (expect.assert?.length ?? 0) > 0 ||
    expect.modules?.[String(directiveId)] !== undefined
  );
}

function ref(node: ModuleNode): ModuleRef {
  return node.label === undefined ? { moduleId: node.id } : { moduleId: node.id, label: node.label };
}
