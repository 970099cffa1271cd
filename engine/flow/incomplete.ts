/**
 * Incomplete executions — https://help.make.com/incomplete-executions,
 * https://help.make.com/break-error-handler; Make's help: https://help.make.com/overview-of-error-handling,
 * https://help.make.com/quick-error-handling-reference.
 * The failed bundle is stored with the outputs it had reached (what a retry resumes from) and the
 * run becomes a warning.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import type { MakeError } from '../errors/make-error.ts';
import { type Execution, toRecorded } from '../state/execution.ts';
import type { RetrySettings } from '../state/handler-frame.ts';

export function storeIncomplete(
  ex: Execution,
  node: ModuleNode,
  error: MakeError,
  reason: 'break' | 'unhandled',
  retry: RetrySettings,
): void {
  const context: Record<string, unknown> = {};
  ex.ctx.slots.forEach((value, id) => {
    if (value !== undefined && id !== node.id) context[String(id)] = value;
  });
  const recorded = toRecorded(error, node.id);
  ex.recorder.incomplete.push({
    moduleId: node.id,
    reason,
    error: recorded,
    context,
    retry,
    cycle: ex.cycle,
  });
  ex.recorder.warnings.push(recorded);
  ex.raise('warning');
}
