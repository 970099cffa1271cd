/**
 * One module, one bundle, for a module run on its mapper's field values
 * (ModuleDefinition.runOnFields): what step.ts does, without the input object, the call object
 * and the output list it makes per bundle. Synchronous; throws a MakeError for the error handler.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import type { Bundle, FieldsRun } from '../registry/define-module.ts';
import type { Execution } from '../state/execution.ts';
import { EVALUATED_FIELDS } from '../state/input-columns.ts';
import { chargeAndCount, checkDuration, fail } from './step.ts';

const NO_LEAVES: readonly ((ctx: unknown) => unknown)[] = [];

export function stepOnFields(ex: Execution, node: ModuleNode, run: FieldsRun): Bundle {
  checkDuration(ex);
  let values: readonly unknown[];
  try {
    values = ex.recorder.evaluateFields(node.id, ex.ctx, node.mapper?.leaves ?? NO_LEAVES);
  } catch (error) {
    chargeAndCount(ex, node);
    // As step.ts: a mapper that failed to evaluate is recorded as the input `{}`.
    return fail(ex, node, {}, error, false);
  }
  chargeAndCount(ex, node);
  let out: Bundle;
  try {
    out = run(values, ex.moduleContext);
  } catch (error) {
    return fail(ex, node, EVALUATED_FIELDS, error, false);
  }
  ex.counters.addBundles(1, node.id);
  ex.recorder.callOnFields(node.id, ex.cycle, out, node.definition?.replay !== undefined);
  // A module that ended the run as it ran is a Return output (ctx.finishRun).
  if (ex.stopped && ex.trace !== null) ex.trace.end(node, 'return');
  return out;
}
