/**
 * If-else and Merge (`builtin:BasicIfElse`, `builtin:BasicMerge`) — https://help.make.com/if-else-and-merge;
 * Make's help: https://help.make.com/if-else-and-merge; https://github.com/integromat/make-blueprints
 * `if-else-merge`. Exactly one branch runs: the first whose condition passes, else
 * the `else` branch. Merged branches continue at the Merge module with its outputs.
 */
import type { BranchNode, ModuleNode } from '../blueprint/scenario.ts';
import type { Bundle } from '../registry/define-module.ts';
import type { Execution } from '../state/execution.ts';
import { NO_CHARGE } from '../state/operations.ts';
import type { Continuation, Walker } from './walker.ts';

function charge(ex: Execution, node: ModuleNode): void {
  const cost = ex.plan.charges[node.id] ?? NO_CHARGE;
  ex.recorder.charge(node.id, cost);
  ex.counters.addOperations(cost.operations, node.id);
}

/**
 * A condition branch without conditions is disabled (https://github.com/integromat/make-blueprints
 * `if-else-merge` README). An empty branch flow is "Do nothing" and passes the bundle on to the Merge
 * (https://help.make.com/if-else-and-merge).
 */
function chosen(ex: Execution, branch: BranchNode): boolean {
  if (branch.type === 'else') return true;
  return branch.condition?.test(ex.ctx) === true;
}

export async function runIfElse(
  ex: Execution,
  flow: readonly ModuleNode[],
  index: number,
  walker: Walker,
): Promise<void> {
  const node = flow[index] as ModuleNode;
  charge(ex, node);
  ex.recorder.arrived(node.id);
  const merge = flow[index + 1]?.kind === 'merge' ? index + 1 : -1;
  let mergePosition = 0;
  for (const branch of node.branches) {
    const position = branch.merge ? mergePosition++ : -1;
    if (!chosen(ex, branch)) continue;
    ex.recorder.path(branch.pointer);
    ex.trace?.add({ kind: 'branch', moduleId: node.id, branch: branchNumber(node, branch) });
    const cont: Continuation | null =
      merge >= 0 && position >= 0 ? { flow, index: merge, branch: position, next: null } : null;
    if (branch.flow.length === 0) {
      if (cont) await runMerge(ex, cont, walker);
      return;
    }
    await walker.walk(ex, branch.flow, 0, cont);
    return;
  }
}

/** Branches count from 1 in blueprint order; the else branch is `else`. */
function branchNumber(node: ModuleNode, branch: BranchNode): number | 'else' {
  return branch.type === 'else' ? 'else' : node.branches.indexOf(branch) + 1;
}

/** The Merge module: its outputs take the mapping of the branch that ran. */
export async function runMerge(ex: Execution, cont: Continuation, walker: Walker): Promise<void> {
  const node = cont.flow[cont.index] as ModuleNode;
  charge(ex, node);
  ex.recorder.arrived(node.id);
  const output: Bundle = {};
  for (const out of node.mergeOutputs) output[out.name] = out.mappings[cont.branch]?.evaluate(ex.ctx);
  ex.recorder.emitted(node.id, [output]);
  const previous = ex.ctx.enter(node.id, output);
  try {
    await walker.walk(ex, cont.flow, cont.index + 1, cont.next);
  } finally {
    ex.ctx.restore(node.id, previous);
  }
}
