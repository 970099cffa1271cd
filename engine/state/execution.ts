/**
 * The state of one execution: everything the walk reads and updates, in one object passed down
 * (instead of long parameter lists). Holds no Make rule itself.
 */
import type { ModuleNode, Scenario } from '../blueprint/scenario.ts';
import type { MakeError } from '../errors/make-error.ts';
import type { Clock } from '../ports/clock.ts';
import { Aggregation } from './aggregation.ts';
import type { RunContext } from './context.ts';
import type { HandlerFrame } from './handler-frame.ts';
import type { LimitCounters } from './limits.ts';
import type { MockBook } from './mocks.ts';
import { type ModulePorts, RunModuleContext } from './module-context.ts';
import type { FlowPlan } from './plan.ts';
import type { ExecutionStatus, RecordedError } from './record.ts';
import type { Recorder } from './recorder.ts';
import type { TraceLog } from './trace.ts';
import type { TransactionControl } from './transaction-control.ts';
import type { RunVariables } from './variables.ts';

const SEVERITY: Record<ExecutionStatus, number> = { success: 0, warning: 1, error: 2 };

export interface ExecutionParts {
  scenario: Scenario;
  plan: FlowPlan;
  ctx: RunContext;
  recorder: Recorder;
  counters: LimitCounters;
  mocks: MockBook;
  tx: TransactionControl;
  variables: RunVariables;
  clock: Clock;
  ports: ModulePorts;
  /** The path trace, or null when RunOptions.trace is off. */
  trace: TraceLog | null;
}

export class Execution {
  readonly scenario: Scenario;
  readonly plan: FlowPlan;
  readonly ctx: RunContext;
  readonly recorder: Recorder;
  readonly counters: LimitCounters;
  readonly mocks: MockBook;
  readonly tx: TransactionControl;
  readonly variables: RunVariables;
  readonly clock: Clock;
  readonly startMs: number;
  readonly moduleContext: RunModuleContext;
  /** Null unless RunOptions.trace: every trace site checks it first, so tracing off costs one test. */
  readonly trace: TraceLog | null;
  readonly aggregation = new Aggregation();
  cycle = 0;
  cyclesRun = 0;
  triggerInput: unknown = undefined;
  /** The run was given trigger input: an app trigger without a mock takes its bundles from it. */
  hasTriggerInput = false;
  /** Milliseconds modules spent in ctx.clock.sleep: intended waiting, not a module timeout. */
  sleptMs = 0;
  /** For the run-time limit check (runtime/step.ts). */
  stepsSinceClock = 0;
  clockMoved = true;
  stopped = false;
  /** The current cycle was rolled back (its trigger event must come again). */
  rolledBack = false;
  status: ExecutionStatus = 'success';
  error: RecordedError | null = null;
  /** The run's error disables scheduling at once (MakeError.isFatal). */
  fatal = false;
  /**
   * By router id: an Ignore closed the router's later routes for the bundle it is routing
   * (flow/router.ts). Set by the error handler, reset by the router for each bundle.
   */
  readonly closedRouters: boolean[] = [];
  /** Open error-handler routes, innermost last. */
  readonly frames: HandlerFrame[] = [];

  constructor(parts: ExecutionParts) {
    this.scenario = parts.scenario;
    this.plan = parts.plan;
    this.ctx = parts.ctx;
    this.recorder = parts.recorder;
    this.counters = parts.counters;
    this.mocks = parts.mocks;
    this.tx = parts.tx;
    this.variables = parts.variables;
    this.clock = parts.clock;
    this.trace = parts.trace;
    this.startMs = parts.clock.now().getTime();
    this.moduleContext = new RunModuleContext(this, parts.ports);
  }

  isFirst(node: ModuleNode): boolean {
    return this.scenario.flow[0] === node;
  }

  raise(status: ExecutionStatus): void {
    if (SEVERITY[status] > SEVERITY[this.status]) this.status = status;
  }

  /** Ends the run: no further bundles or cycles. */
  stop(status: ExecutionStatus, error?: MakeError | RecordedError, moduleId?: number): void {
    this.stopped = true;
    this.raise(status);
    if (!error) return;
    const recorded = toRecorded(error, moduleId);
    if (status !== 'error') this.recorder.warnings.push(recorded);
    else if (this.error === null) {
      this.error = recorded;
      this.fatal = 'isFatal' in error && error.isFatal === true;
    }
  }
}

export function toRecorded(error: MakeError | RecordedError, moduleId?: number): RecordedError {
  const recorded: RecordedError = { type: error.type, message: error.message };
  const id = moduleId ?? ('moduleId' in error ? error.moduleId : undefined);
  if (id !== undefined) recorded.moduleId = id;
  if (error.details && Object.keys(error.details).length > 0) recorded.details = { ...error.details };
  return recorded;
}
