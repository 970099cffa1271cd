/**
 * What the core loop does with a module (runtime/run-flow.ts dispatches on this).
 * Counting per kind lives in runtime/operations.ts.
 */
export type ModuleKind =
  /** Starts a scenario by polling; 1 operation per cycle, outputs 0..n bundles. */
  | 'trigger'
  /** Starts a scenario from a queued event (webhook); 1 operation per cycle. */
  | 'instant-trigger'
  /** 1 operation per input bundle; outputs 0..n bundles. */
  | 'action'
  /** Like action (1 operation per input bundle) but lists: outputs carry __IMTINDEX__/__IMTLENGTH__. */
  | 'search'
  /** Splits one input into many bundles (iterator, repeater); 1 operation per input bundle. */
  | 'iterator'
  /** Collects bundles per operation of its feeder; 1 operation per aggregation. */
  | 'aggregator'
  /** No operation; hands the bundle to each passing route. */
  | 'router'
  | 'if-else'
  | 'merge'
  /** Webhook response. */
  | 'responder'
  /** Error-route directive (Ignore, Resume, Break, Commit, Rollback); no operation. */
  | 'directive';
