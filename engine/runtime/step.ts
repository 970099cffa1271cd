/**
 * One module, one bundle (DESIGN principle 3): evaluate the mapper into plain values, charge the
 * operation, run the module (or its mock), record the call. Returns the output bundles, or throws
 * a MakeError for the error handler. Stays synchronous when the module answered synchronously.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import { SetupError } from '../errors/setup-error.ts';
import type { Bundle, ModuleCall, Outputs } from '../registry/define-module.ts';
import { asMakeError, evaluateInput } from '../state/evaluate.ts';
import { type Execution, toRecorded } from '../state/execution.ts';
import { EngineStop } from '../state/limits.ts';
import { missingMock } from '../state/mocks.ts';
import { NO_CHARGE } from '../state/operations.ts';

export type StepResult = Outputs | Promise<Outputs>;

export function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function step(ex: Execution, node: ModuleNode): StepResult {
  checkDuration(ex);
  let input: Record<string, unknown> = {};
  try {
    input = evaluateInput(ex, node);
  } catch (error) {
    chargeAndCount(ex, node);
    return fail(ex, node, input, error, false);
  }
  chargeAndCount(ex, node);
  const mocked = ex.mocks.has(node);
  const acid = node.definition?.acid === true && !mocked;
  if (acid) ex.tx.beforeAcid();
  let result: StepResult;
  try {
    result = invoke(ex, node, input, mocked);
  } catch (error) {
    return fail(ex, node, input, error, acid);
  }
  // Only an asynchronous answer can be late (measured from when the module handed back its
  // promise, i.e. the wait for a response); synchronous work counts toward the run's duration.
  if (isThenable(result)) {
    ex.clockMoved = true;
    return settle(ex, node, input, result, acid);
  }
  // The module's own output (not a mock's) can be computed again from its input for the record.
  const replayable = !mocked && node.definition?.replay !== undefined;
  return succeed(ex, node, input, result, acid, replayable);
}

function settle(
  ex: Execution,
  node: ModuleNode,
  input: Record<string, unknown>,
  pending: Promise<Outputs>,
  acid: boolean,
): Promise<Outputs> {
  const started = ex.clock.now().getTime() - ex.sleptMs;
  const limit = ex.counters.limits.moduleTimeoutMs;
  return pending.then(
    (bundles) => {
      if (ex.clock.now().getTime() - ex.sleptMs - started <= limit)
        return succeed(ex, node, input, bundles, acid, false);
      const error = new MakeError(
        'ModuleTimeoutError',
        `Module ${node.id} did not answer within ${limit} ms (option limits.moduleTimeoutMs).`,
      );
      return fail(ex, node, input, error, acid);
    },
    (error: unknown) => fail(ex, node, input, error, acid),
  );
}

/**
 * Charged BEFORE the module runs, so a failed run costs its operation too. docs/fidelity.md:
 * Make does not say; the execution log of a failed incomplete-execution retry shows 1 operation.
 */
export function chargeAndCount(ex: Execution, node: ModuleNode): void {
  const charge = ex.plan.charges[node.id] ?? NO_CHARGE;
  ex.recorder.charge(node.id, charge);
  ex.counters.addOperations(charge.operations, node.id);
}

/** Mock first (id or key wins over the real module), then the definition, then trigger input. */
function invoke(
  ex: Execution,
  node: ModuleNode,
  input: Record<string, unknown>,
  mocked: boolean,
): StepResult {
  if (mocked) return ex.mocks.next(node, input, ex.cycle);
  const definition = node.definition;
  if (definition?.stream)
    return definition.stream({ input, parameters: node.parameters, node }, ex.moduleContext);
  const run = definition?.run;
  if (run) {
    const call: ModuleCall = { input, parameters: node.parameters, node };
    return run(call, ex.moduleContext);
  }
  // Cycles after the input's own get nothing: the trigger has no new data and the run ends.
  if (ex.isFirst(node) && ex.hasTriggerInput) return bundlesOf(ex.triggerInput);
  throw missingMock(node, ex.isFirst(node));
}

/** Trigger input: an object is one bundle, an array several (DESIGN "Trigger input"). */
export function bundlesOf(input: unknown): Bundle[] {
  if (input === undefined || input === null) return [];
  const items = Array.isArray(input) ? input : [input];
  return items.map((item) =>
    item !== null && typeof item === 'object' ? (item as Bundle) : { value: item },
  );
}

function succeed(
  ex: Execution,
  node: ModuleNode,
  input: Record<string, unknown>,
  bundles: Outputs,
  acid: boolean,
  replayable: boolean,
): Outputs {
  if (acid) ex.tx.afterAcid(true);
  const out = node.kind === 'search' && Array.isArray(bundles) ? withPositions(bundles) : bundles;
  ex.counters.addBundles(out.length, node.id);
  ex.recorder.call(node.id, ex.cycle, input, out, null, replayable);
  // A module that ended the run as it ran is a Return output (ctx.finishRun).
  if (ex.stopped && ex.trace !== null) ex.trace.end(node, 'return');
  return out;
}

export function fail(
  ex: Execution,
  node: ModuleNode,
  input: Record<string, unknown>,
  error: unknown,
  acid: boolean,
): never {
  if (error instanceof EngineStop) throw error;
  // A call with no answer is the test setup's fault, never the module's: no error route sees it.
  if (error instanceof SetupError) throw error.at(node);
  // A forced stop aborts the module's HTTP request or Sleep: that is the stop, not its failure.
  const makeError = ex.moduleContext.stopRequested ? stoppedError() : asMakeError(node, error);
  if (acid) ex.tx.afterAcid(false);
  ex.recorder.call(node.id, ex.cycle, input, [], toRecorded(makeError, node.id));
  throw makeError;
}

/** A stopped run ends as Make's interrupted runs do: a warning, later modules not run. */
function stoppedError(): MakeError {
  return new MakeError(
    'ExecutionInterruptedError',
    'The run was stopped; remaining bundles were not processed.',
  );
}

/** Search outputs carry their position (https://help.make.com/iterator: __IMTINDEX__, __IMTLENGTH__). */
function withPositions(bundles: readonly Bundle[]): readonly Bundle[] {
  if (bundles.length === 0 || '__IMTINDEX__' in (bundles[0] as Bundle)) return bundles;
  const length = bundles.length;
  return bundles.map((bundle, i) => ({ ...bundle, __IMTINDEX__: i + 1, __IMTLENGTH__: length }));
}

/** Steps between two reads of the clock for the run-time limit (reading it is not free). */
const DURATION_CHECK_EVERY = 64;

/** Make's run-time limit (https://help.make.com/types-of-warnings): ExecutionInterruptedError, a warning. */
export function checkDuration(ex: Execution): void {
  // RunOptions.signal aborted or RunOptions.stop pulled (the server's stop execution): like Make's
  // Stop, later modules do not run.
  if (ex.moduleContext.stopRequested) throw stoppedError();
  // Asynchronous modules (Sleep, HTTP) move time: check after every one of them; else every Nth step.
  if (++ex.stepsSinceClock < DURATION_CHECK_EVERY && !ex.clockMoved) return;
  ex.stepsSinceClock = 0;
  ex.clockMoved = false;
  const limit = ex.counters.limits.maxDurationMs;
  if (ex.clock.now().getTime() - ex.startMs <= limit) return;
  throw new MakeError(
    'ExecutionInterruptedError',
    `The run exceeded its maximum duration of ${limit} ms (option limits.maxDurationMs); remaining bundles were not processed.`,
  );
}
