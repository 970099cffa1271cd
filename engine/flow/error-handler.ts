/**
 * Error handling — THE one place directives are decided. https://help.make.com/overview-of-error-handling,
 * `quick-error-handling-reference`, `ignore-error-handler`, `resume-error-handler`,
 * `break-error-handler`, `commit-error-handler`, `rollback-error-handler`; Make's help:
 * https://help.make.com/overview-of-error-handling.
 */
import type { ModuleNode } from '../blueprint/scenario.ts';
import { MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';
import { evaluateInput } from '../state/evaluate.ts';
import type { Execution } from '../state/execution.ts';
import type { Decision, HandlerFrame, RetrySettings } from '../state/handler-frame.ts';
import type { TraceEndReason } from '../state/trace.ts';
import { storeIncomplete } from './incomplete.ts';
import { IGNORE_SKIPS_LATER_ROUTES } from './router.ts';
import type { Walker } from './walker.ts';

const DIRECTIVE_KEYS: Record<string, Decision['kind'] | 'warn'> = {
  'builtin:Ignore': 'ignore',
  'builtin:Resume': 'resume',
  'builtin:Break': 'break',
  'builtin:Commit': 'commit',
  'builtin:Rollback': 'rollback',
  'builtin:ThrowError': 'throw',
  'builtin:ThrowWarning': 'warn',
};

/** Break's defaults: 3 attempts, 15 minutes apart (https://help.make.com/break-error-handler). */
const BREAK_DEFAULTS = { count: 3, intervalMinutes: 15 };

/**
 * docs/fidelity.md: with "Store incomplete executions" on, an unhandled error stores the
 * failing bundle and the other bundles continue (engine comment in https://github.com/integromat/imt-proto
 * `src/error.ts`).
 */
export const UNHANDLED_WITH_DLQ_CONTINUES = true;

/** A module failed for the current bundle. Returns the substitute output on Resume. */
export async function handleModuleError(
  ex: Execution,
  node: ModuleNode,
  error: MakeError,
  walker: Walker,
): Promise<Bundle | undefined> {
  // Run-level conditions are not the module's error: no route can handle them.
  if (error.type === 'ExecutionInterruptedError' || error.isFatal)
    return apply(ex, node, error, { kind: 'unhandled' });
  const decision =
    node.onerror.length > 0 ? await runErrorRoute(ex, node, error, walker) : { kind: 'unhandled' as const };
  return apply(ex, node, error, decision);
}

/**
 * The route runs with the failed module's slot = `{ error }` (`{{N.error.message}}`,
 * https://help.make.com/overview-of-error-handling).
 */
async function runErrorRoute(
  ex: Execution,
  node: ModuleNode,
  error: MakeError,
  walker: Walker,
): Promise<Decision> {
  const first = node.onerror[0] as ModuleNode;
  const previous = ex.ctx.enter(node.id, { error: error.toJSON() });
  const frame: HandlerFrame = { decision: null };
  ex.frames.push(frame);
  try {
    // A route whose filter rejects this error does not handle it (Workfront Fusion docs, advanced error
    // handling).
    if (!(await walker.gate(ex, first))) return { kind: 'unhandled' };
    ex.recorder.path(`${node.pointer}/onerror`);
    await walker.dispatch(ex, node.onerror, 0, null);
    // A route that ends without a directive ignores the error
    // (https://help.make.com/overview-of-error-handling).
    return frame.decision ?? { kind: 'ignore' };
  } finally {
    ex.frames.pop();
    ex.ctx.restore(node.id, previous);
  }
}

/** A directive module reached on a path. Returns true when the walk continues past it (ThrowWarning). */
export function reachDirective(ex: Execution, node: ModuleNode): boolean {
  const kind = DIRECTIVE_KEYS[node.key] ?? 'ignore';
  const input = directiveInput(ex, node);
  if (kind === 'warn') {
    ex.raise('warning');
    ex.recorder.warnings.push({ type: 'Warning', message: String(input.message ?? ''), moduleId: node.id });
    return true;
  }
  const decision = decisionOf(kind, node, input);
  const frame = ex.frames.at(-1);
  if (frame) frame.decision ??= decision;
  else if (decision.kind === 'throw') apply(ex, node, decision.error, decision);
  return false;
}

/**
 * A directive that ran is recorded like a module: the bundle in and one call with its mapped
 * settings. It outputs nothing itself (Resume's substitute bundle is the failed module's output)
 * and costs nothing: "Error handler activation doesn't consume operations"
 * (https://help.make.com/overview-of-error-handling), so it is never charged (runtime/operations.ts, kind
 * `directive`).
 */
function directiveInput(ex: Execution, node: ModuleNode): Record<string, unknown> {
  let input: Record<string, unknown>;
  try {
    input = evaluateInput(ex, node);
  } catch (error) {
    ex.recorder.arrived(node.id);
    throw error;
  }
  ex.recorder.call(node.id, ex.cycle, input, NO_BUNDLES, null);
  return input;
}

const NO_BUNDLES: readonly Bundle[] = [];

function decisionOf(kind: Decision['kind'], node: ModuleNode, input: Record<string, unknown>): Decision {
  switch (kind) {
    case 'resume':
      return { kind, output: input };
    case 'break':
      return { kind, retry: retryOf(input) };
    case 'throw':
      return {
        kind,
        error: new MakeError('RuntimeError', String(input.message ?? `Error thrown by module ${node.id}`)),
      };
    case 'commit':
    case 'rollback':
    case 'unhandled':
      return { kind };
    default:
      return { kind: 'ignore' };
  }
}

function retryOf(input: Record<string, unknown>): RetrySettings {
  const count = Number(input.count);
  const interval = Number(input.interval);
  return {
    enabled: input.retry === true || input.retry === 'true',
    count: Number.isFinite(count) && count > 0 ? count : BREAK_DEFAULTS.count,
    intervalMinutes: Number.isFinite(interval) && interval > 0 ? interval : BREAK_DEFAULTS.intervalMinutes,
  };
}

const TRACED_REASON: Record<Decision['kind'], TraceEndReason> = {
  ignore: 'ignore',
  resume: 'resume',
  break: 'break',
  commit: 'commit',
  rollback: 'rollback',
  throw: 'error',
  unhandled: 'error',
};

/** Carries out a decision (Make's help: https://help.make.com/quick-error-handling-reference). */
function apply(ex: Execution, node: ModuleNode, error: MakeError, decision: Decision): Bundle | undefined {
  if (ex.trace !== null) {
    ex.trace.end(node, TRACED_REASON[decision.kind], decision.kind === 'throw' ? decision.error : error);
  }
  switch (decision.kind) {
    case 'ignore':
      closeLaterRoutes(ex, node);
      return undefined;
    case 'resume':
      return decision.output;
    case 'break':
      storeIncomplete(ex, node, error, 'break', decision.retry);
      return undefined;
    case 'commit':
      ex.tx.commit();
      ex.stop('success');
      return undefined;
    case 'rollback':
      rollback(ex, 'error', error, node.id);
      return undefined;
    case 'throw':
      rollback(ex, 'error', decision.error, node.id);
      return undefined;
    default:
      return unhandled(ex, node, error);
  }
}

/**
 * An ignored error ends the routes of the router the failed module sits on (its nearest enclosing
 * router, wherever the module is in the route): that router's later routes are skipped for this
 * bundle; outer routers go on (router.ts IGNORE_SKIPS_LATER_ROUTES; docs/fidelity.md).
 */
function closeLaterRoutes(ex: Execution, node: ModuleNode): void {
  const router = ex.plan.routerOf[node.id];
  if (IGNORE_SKIPS_LATER_ROUTES && router !== undefined) ex.closedRouters[router] = true;
}

/** No handler (Make's help: https://help.make.com/overview-of-error-handling). */
function unhandled(ex: Execution, node: ModuleNode, error: MakeError): undefined {
  if (error.isWarning) {
    // Warnings (https://help.make.com/types-of-warnings): the remaining bundles are not processed; work done
    // is kept.
    ex.tx.commit();
    ex.stop('warning', error, node.id);
  } else if (node.inErrorRoute || error.isFatal) {
    rollback(ex, 'error', error, node.id);
  } else if (ex.scenario.settings.dlq && !ex.isFirst(node) && UNHANDLED_WITH_DLQ_CONTINUES) {
    storeIncomplete(ex, node, error, 'unhandled', { enabled: false, count: 0, intervalMinutes: 0 });
  } else {
    rollback(ex, 'error', error, node.id);
  }
  return undefined;
}

function rollback(ex: Execution, status: 'error', error: MakeError, moduleId: number): void {
  ex.rolledBack = true;
  ex.tx.rollback();
  ex.stop(status, error, moduleId);
}
