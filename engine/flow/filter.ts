/**
 * Filters — https://help.make.com/filtering. A filter sits on the link INTO a module (stored on the
 * downstream module). Fail = processing of this bundle stops on this path: no error, 0 operations.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import type { Execution } from '../state/execution.ts';
import type { TraceEvent } from '../state/trace.ts';
import { explainFilter } from './filter-trace.ts';

/** Tests the module's filter for the current bundle and counts the result for coverage. */
export function passes(ex: Execution, node: ModuleNode): boolean {
  if (!node.filter) return true;
  const ok = node.filter.test(ex.ctx);
  ex.recorder.filter(node.id, ok);
  if (ex.trace !== null) traceFilter(ex, node, ok);
  return ok;
}

function traceFilter(ex: Execution, node: ModuleNode, passed: boolean): void {
  const event: TraceEvent = {
    kind: 'filter',
    moduleId: node.id,
    passed,
    conditions: explainFilter(node.raw.filter, ex.ctx),
  };
  if (node.label !== undefined) event.moduleName = node.label;
  if (node.filter?.name !== undefined) event.filterName = node.filter.name;
  ex.trace?.add(event);
}
