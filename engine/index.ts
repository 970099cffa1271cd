/**
 * The engine's public API (DESIGN "Architecture: load, then run"). Other parts add their
 * exports here, one line each.
 */
export { analyseBlueprint, type LoadOptions, loadScenario, loadScenarioFile } from './blueprint/load.ts';
export type {
  BranchNode,
  MergeOutputNode,
  ModuleNode,
  RouteNode,
  Scenario,
  ScenarioSettings,
} from './blueprint/scenario.ts';
export type { Limits, RunOptions } from './runtime/options.ts';
export { DEFAULT_LIMITS } from './runtime/options.ts';
export { runScenario } from './runtime/run-scenario.ts';
export { RunStop } from './runtime/run-stop.ts';
export { COUNTING_RULES, chargeFor } from './state/operations.ts';
export type {
  ExecutionRecord,
  ExecutionStatus,
  IncompleteExecution,
  ModuleRecord,
  RecordedError,
} from './state/record.ts';
export type { TracedCondition, TraceEndReason, TraceEvent } from './state/trace.ts';
export { MAX_TRACE_EVENTS } from './state/trace.ts';
