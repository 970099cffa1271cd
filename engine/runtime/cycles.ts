/**
 * The cycle loop (Make's help: https://help.make.com/scenario-execution-cycles-and-phases,
 * https://help.make.com/scenario-execution-flow `run`): per cycle, run the first module (1 operation even
 * with no bundles), walk each of its bundles, then the commit phase with the trigger settled last.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import type { CyclePlan } from '../flow/cycles.ts';
import { handleModuleError } from '../flow/error-handler.ts';
import type { Outputs } from '../registry/define-module.ts';
import type { Execution } from '../state/execution.ts';
import { fanOut, walker } from './run-flow.ts';
import { isThenable, step } from './step.ts';

export async function runCycles(ex: Execution, plan: CyclePlan): Promise<void> {
  const first = ex.scenario.flow[0];
  if (!first) return;
  for (let cycle = 1; cycle <= plan.count && !ex.stopped; cycle++) {
    ex.cycle = cycle;
    ex.cyclesRun = cycle;
    ex.triggerInput = plan.inputOf(cycle);
    ex.rolledBack = false;
    if (cycle > 1) ex.variables.resetCycle();
    ex.tx.startCycle();
    const bundles = await runTrigger(ex, first);
    if (bundles && bundles.length > 0 && !ex.stopped) {
      ex.tx.afterTrigger(cycle);
      await fanOut(ex, {
        node: first,
        outs: bundles,
        flow: ex.scenario.flow,
        index: 0,
        cont: null,
        unit: true,
      });
    }
    if (!ex.rolledBack) ex.tx.commit();
    ex.tx.endCycle(cycle, ex.rolledBack);
    // A cycle whose trigger returned nothing ends the run (Make's help:
    // https://help.make.com/scenario-execution-cycles-and-phases, inferred).
    if (bundles?.length === 0) break;
  }
}

/** The first module's bundles; undefined when it failed and the handler did not resume. */
async function runTrigger(ex: Execution, first: ModuleNode): Promise<Outputs | undefined> {
  try {
    const result = step(ex, first);
    return isThenable(result) ? await result : result;
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    const resumed = await handleModuleError(ex, first, error, walker);
    return resumed ? [resumed] : undefined;
  }
}
