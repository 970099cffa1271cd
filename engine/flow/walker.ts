/**
 * The walk as the flow/*.ts rules see it: they hand bundles back to the core loop
 * (runtime/run-flow.ts) through this interface, so no rule file imports the loop.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import type { MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';
import type { Continuation } from '../state/continuation.ts';
import type { Execution } from '../state/execution.ts';

export type { Continuation } from '../state/continuation.ts';

/** A walk step: undefined when it finished synchronously, a promise once a module answered asynchronously. */
export type Flow = undefined | Promise<void>;

export interface Walker {
  /** Filter on `flow[index]`, then the module. */
  walk(ex: Execution, flow: readonly ModuleNode[], index: number, cont: Continuation | null): Flow;
  /** The module at `flow[index]`, its filter already passed. */
  dispatch(ex: Execution, flow: readonly ModuleNode[], index: number, cont: Continuation | null): Flow;
  /** Tests a filter; a failing formula is the module's error (handled, then false). */
  gate(ex: Execution, node: ModuleNode): Promise<boolean> | boolean;
  /** An error of `node` for the current bundle: the error handler's decision; a bundle to continue with on Resume. */
  fail(ex: Execution, node: ModuleNode, error: MakeError): Promise<Bundle | undefined>;
}
