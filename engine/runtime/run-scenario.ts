/**
 * `runScenario(scenario, options)`: one execution of a loaded scenario (Make's help:
 * https://help.make.com/scenario-execution-flow: cycles, then
 * finalization) giving back the ExecutionRecord. Builds the execution, runs the cycles, and turns
 * the engine's own stops (limits, missing mocks) into a failed record instead of an exception.
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import { SetupError } from '../errors/setup-error.ts';
import type { VariableScopes } from '../expression/types.ts';
import { planCycles } from '../flow/cycles.ts';
import { Transactions } from '../flow/transactions.ts';
import { systemClock } from '../ports/clock.ts';
import { loopbackOnly } from '../ports/http.ts';
import { silentLogger } from '../ports/logger.ts';
import { memoryState } from '../ports/state.ts';
import { RunContext } from '../state/context.ts';
import { Execution } from '../state/execution.ts';
import { EngineStop, LimitCounters } from '../state/limits.ts';
import { MockBook } from '../state/mocks.ts';
import { planOf } from '../state/plan.ts';
import type { ExecutionRecord } from '../state/record.ts';
import { Recorder } from '../state/recorder.ts';
import { TraceLog } from '../state/trace.ts';
import { RunVariables } from '../state/variables.ts';
import { runCycles } from './cycles.ts';
import { DEFAULT_LIMITS, type RunOptions } from './options.ts';

/** The signal of a run given none: never aborted and shared, so a run does not build its own. */
const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * The latest execution, referenced until the next one starts. V8 keeps the hidden classes of the
 * engine's per-run objects (Execution, RunContext, Recorder and its lists, the iterator's
 * bundles…) alive only through their instances: a full collection between two runs with none left
 * drops them, and with them the walk's optimized code, which the next run executes unoptimized
 * until it is compiled again (bench/engine.bench.ts W2: some 25 functions each run, a third of
 * the run's CPU time). The cost: one finished execution stays in memory until the next run.
 */
const latest: { execution: Execution | null } = { execution: null };

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ExecutionRecord> {
  const ex = createExecution(scenario, options);
  latest.execution = ex;
  ex.hasTriggerInput = options.input !== undefined;
  const startedAt = ex.clock.now();
  try {
    await runCycles(ex, planCycles(scenario.instant, options.input, options.maxCycles ?? 1));
  } catch (error) {
    if (!(error instanceof EngineStop || error instanceof MakeError || error instanceof SetupError))
      throw error;
    abort(ex, error);
  }
  return toRecord(ex, startedAt);
}

/** Make's execution ids are 32 hex digits; a seeded `random` makes them deterministic. */
function newExecutionId(random: (() => number) | undefined): string {
  if (!random) return randomUUID().replaceAll('-', '');
  return Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
}

function createExecution(scenario: Scenario, options: RunOptions): Execution {
  const clock = options.clock ?? systemClock;
  const plan = planOf(scenario);
  const now = options.now === undefined ? clock.now() : new Date(options.now);
  const timezone = options.timezone ?? 'UTC';
  const executionId = options.executionId ?? newExecutionId(options.random);
  const vars = systemVariables(scenario, executionId, withScenarioInputs(scenario, options));
  const ctx = new RunContext({ vars, now, timezone, executionId, random: options.random, maxId: plan.maxId });
  const settings = scenario.settings;
  return new Execution({
    scenario,
    plan,
    ctx,
    recorder: new Recorder(
      scenario,
      options.record !== 'summary',
      options.onRespond,
      options.record !== 'stored',
    ),
    counters: new LimitCounters({ ...DEFAULT_LIMITS, ...options.limits }),
    mocks: new MockBook(options.mocks),
    tx: new Transactions(
      options.dataStores,
      { autoCommit: settings.autoCommit, autoCommitTriggerLast: settings.autoCommitTriggerLast },
      { onTriggerCommit: options.onTriggerCommit, onTriggerRollback: options.onTriggerRollback },
    ),
    variables: new RunVariables(),
    clock,
    trace: options.trace === true ? new TraceLog() : null,
    ports: {
      http: options.http ?? loopbackOnly,
      dataStores: options.dataStores,
      logger: options.logger ?? silentLogger,
      signal: options.signal ?? NEVER_ABORTED,
      stop: options.stop,
      state: options.state ?? memoryState(),
      subscenarios: options.subscenarios,
      vars,
      timezone,
      executionId,
    },
  });
}

/**
 * System variables (https://help.make.com/system-variables). Their raw IML names are unverified
 * (docs/fidelity.md, "System variables"); we provide the forms seen in public blueprints. Values the
 * caller gives win.
 */
/**
 * Scenario inputs (`var.input.*`). An on-demand scenario that declares inputs (`io.input_spec`)
 * and starts with no trigger is run by Make with its inputs as the run's data (API
 * `POST /scenarios/{id}/run {data}`); so there the run's input is the scenario inputs, unless the
 * caller passes `vars.input` itself.
 */
function withScenarioInputs(scenario: Scenario, options: RunOptions): VariableScopes {
  const given = options.vars ?? {};
  const first = scenario.flow[0];
  const startsWithTrigger = first?.kind === 'trigger' || first?.kind === 'instant-trigger';
  const io = scenario.blueprint.io as { input_spec?: unknown } | undefined;
  const declaresInputs = Array.isArray(io?.input_spec) && io.input_spec.length > 0;
  const input = options.input;
  if (given.input || startsWithTrigger || !declaresInputs || !isPlainObject(input)) return given;
  return { ...given, input };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function systemVariables(scenario: Scenario, executionId: string, given: VariableScopes): VariableScopes {
  return {
    ...given,
    scenario: { name: scenario.name, executionId, ...given.scenario },
    execution: { id: executionId, ...given.execution },
  };
}

/** A limit, a missing mock, or a failed commit/rollback: the cycle is rolled back, status error. */
function abort(ex: Execution, error: EngineStop | MakeError | SetupError): void {
  ex.rolledBack = true;
  try {
    ex.tx.rollback();
  } catch {
    // The rollback itself failed: the InconsistencyError below is already the run's error.
  }
  ex.stop('error', error);
  const moduleId = 'moduleId' in error ? error.moduleId : undefined;
  const node = moduleId === undefined ? undefined : ex.scenario.byId.get(moduleId);
  if (node) ex.trace?.end(node, 'error', error);
  ex.tx.endCycle(Math.max(1, ex.cycle), true);
}

function toRecord(ex: Execution, startedAt: Date): ExecutionRecord {
  const finishedAt = ex.clock.now();
  const failed = ex.status === 'error';
  ex.recorder.settleCalls();
  const record: ExecutionRecord = {
    id: ex.ctx.executionId,
    scenario: ex.scenario.name,
    status: ex.status,
    operations: ex.recorder.operations,
    centicredits: ex.recorder.centicredits,
    cycles: ex.cyclesRun,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    error: ex.error,
    warnings: ex.recorder.warnings,
    modules: ex.recorder.modules(),
    incomplete: ex.recorder.incomplete,
    response: ex.recorder.response,
    // Make's help: https://help.make.com/overview-of-error-handling: runs ending in error count toward
    // maxErrors; instant scenarios and fatal types
    // deactivate at once. docs/fidelity.md, open question 7: a Rollback directive counts like any error.
    consecutiveErrors: { counts: failed, deactivateNow: failed && (ex.scenario.instant || ex.fatal) },
    paths: ex.recorder.paths,
    summary: !ex.recorder.full,
  };
  if (ex.trace) record.trace = ex.trace.events;
  return record;
}
