import type { ModuleNode } from '../blueprint/scenario.ts';

/**
 * Where to go when a flow ends: the Merge after an If-else (Make's help:
 * https://help.make.com/if-else-and-merge).
 */
export interface Continuation {
  readonly flow: readonly ModuleNode[];
  /** Index of the Merge module in `flow`. */
  readonly index: number;
  /** Position of the branch that ran among the merged branches. */
  readonly branch: number;
  readonly next: Continuation | null;
}
