/**
 * Measured runs as a traffic mix: each run's weight (its share of real traffic) and whether the
 * model can generalise it. Decisions (docs/cost.md "Measured runs are not traffic"):
 * - a case's `weight` is its share; without one, a normal case weighs 1 and an error-path case
 *   (a module raised an error) weighs 0 — test files exercise error paths far more often than
 *   traffic does, so they are shown but do not make up the month unless weighted;
 * - with `--data-rate`, runs whose polling trigger found nothing are the empty checks the rate
 *   already prices, so they weigh 0 (else their 1 credit would be counted twice);
 * - a run that stopped early (an unhandled error, Commit, Return output:
 * https://help.make.com/overview-of-error-handling, https://help.make.com/commit-error-handler)
 *   did not walk the whole flow, so it is counted as measured, not projected by the model.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import type { MeasuredRun } from './measure.ts';

export type RunRole = 'weighted' | 'normal' | 'error-path' | 'empty-check';

export interface MixedRun extends MeasuredRun {
  weight: number;
  role: RunRole;
  /** Stopped before the end of the flow: counted as measured. */
  stopped: boolean;
}

/**
 * Modules that end the whole run when they run (https://help.make.com/commit,
 * https://help.make.com/scenario-outputs).
 */
export const STOPPING_MODULES = new Set(['builtin:Commit', 'scenario-service:ReturnData']);

/**
 * An error status always ended the run. A warning did only when it was not an incomplete execution
 * stored by Break (or with incomplete executions on), after which the other bundles go on, nor a
 * Throw warning (type `Warning`), after which the bundle goes on (docs/fidelity.md).
 */
export function stoppedEarly(record: ExecutionRecord): boolean {
  if (record.status === 'error') return true;
  const stored = new Set(record.incomplete.map((i) => i.moduleId));
  if (
    record.warnings.some((w) => w.type !== 'Warning' && !(w.moduleId !== undefined && stored.has(w.moduleId)))
  )
    return true;
  return record.modules.some((m) => STOPPING_MODULES.has(m.module) && m.bundlesIn > 0);
}

export function isErrorPath(record: ExecutionRecord): boolean {
  return record.status === 'error' || record.modules.some((m) => m.errors.length > 0);
}

export function foundNothing(scenario: Scenario, record: ExecutionRecord): boolean {
  const first = scenario.flow[0];
  if (!first || scenario.instant || first.kind !== 'trigger') return false;
  return (record.modules.find((m) => m.id === first.id)?.bundlesOut ?? 0) === 0;
}

export interface MixOptions {
  scenario: Scenario;
  /** `--data-rate` given: empty checks are priced by the rate, not by the runs. */
  dataRate: boolean;
}

export function mixRuns(runs: readonly MeasuredRun[], o: MixOptions): { runs: MixedRun[]; notes: string[] } {
  const mixed = runs.map((run): MixedRun => {
    const stopped = stoppedEarly(run.record);
    if (run.weight !== undefined) return { ...run, weight: run.weight, role: 'weighted', stopped };
    if (o.dataRate && foundNothing(o.scenario, run.record))
      return { ...run, weight: 0, role: 'empty-check', stopped };
    if (isErrorPath(run.record)) return { ...run, weight: 0, role: 'error-path', stopped };
    return { ...run, weight: 1, role: 'normal', stopped };
  });
  const notes: string[] = [];
  const names = (role: RunRole) => mixed.filter((r) => r.role === role).map((r) => `"${r.name}"`);
  if (mixed.every((r) => r.weight === 0) && mixed.length > 0) {
    for (const r of mixed) r.weight = 1;
    notes.push('Every measured run is an error path or an empty check, so each counts once.');
  } else {
    const errorPaths = names('error-path');
    if (errorPaths.length > 0)
      notes.push(
        `Error-path run(s) ${errorPaths.join(', ')} are not counted in the month (give the case a "weight", its share of real traffic, to count it).`,
      );
    const empty = names('empty-check');
    if (empty.length > 0)
      notes.push(`Run(s) ${empty.join(', ')} found no data: --data-rate prices those checks instead.`);
  }
  const stopped = mixed.filter((r) => r.stopped && r.weight > 0).map((r) => `"${r.name}"`);
  if (stopped.length > 0)
    notes.push(`Run(s) ${stopped.join(', ')} stopped before the end of the flow and count as measured.`);
  return { runs: mixed, notes };
}
