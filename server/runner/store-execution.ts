/**
 * Storing one finished run — inside the group-commit transaction, so it is all or nothing: the
 * execution row, removal of its queue items, its incomplete executions (or the retry attempt it
 * was), and the consecutive-error streak that may switch the scenario off (Make's help:
 * https://help.make.com/overview-of-error-handling).
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { isBackoffFailure } from '../scheduler/backoff.ts';
import type { PreparedScenario } from './engine-port.ts';
import { endedFatally, nextStreak } from './error-streak.ts';
import type { RunnerDeps, RunRequest } from './run-request.ts';

export interface FinishedRun {
  prepared: PreparedScenario;
  request: RunRequest;
  record: ExecutionRecord;
  /** Cycles (1-based) whose trigger was rolled back: their queue items go back to the queue. */
  rolledBack?: ReadonlySet<number>;
  /** The record as it is stored (storedRecordJson), serialised before the commit. */
  recordJson?: string;
}

/**
 * The record's stored text, redacted (only the stored copy is: the held caller is answered from
 * the run's own record). Serialised once, when the run ends — not inside the group commit, where
 * a batch of records would be serialised in one turn of the event loop and delay every answer.
 */
export function storedRecordJson(deps: Pick<RunnerDeps, 'redactor'>, record: ExecutionRecord): string {
  return deps.redactor ? deps.redactor.json(record) : JSON.stringify(record);
}

export function storeExecution(deps: RunnerDeps, run: FinishedRun): void {
  const { executions } = deps;
  const { prepared, request, record } = run;
  executions.add({
    scenarioId: request.scenarioId,
    // A rolled-back first item returns to the queue and will run again: only the run that
    // settles it claims it in history (the column is UNIQUE so nothing runs into history twice).
    queueItem: run.rolledBack?.has(1)
      ? null
      : (request.items?.[0]?.id ?? request.pendingItem?.itemId ?? null),
    type: request.type,
    instant: prepared.instant,
    record,
    recordJson: run.recordJson ?? storedRecordJson(deps, record),
  });
  // Its data-store rows become final in this same transaction (shared connection; else soon after).
  deps.journal?.forgetRun(record.id);
  settleItems(deps, run);
  storeIncomplete(deps, run);
  applyStreak(deps, run);
}

/**
 * A cycle that rolled back puts its webhook item back into the queue, as Make does for instant
 * triggers (Make's help: https://help.make.com/overview-of-error-handling; https://help.make.com/webhooks);
 * every other item is done and deleted in this same transaction, so a run that succeeded is never run again.
 * A held caller answered directly (no queue row, never acknowledged) has nothing to put back.
 */
function settleItems({ queue }: RunnerDeps, { request, rolledBack }: FinishedRun): void {
  for (const [index, item] of (request.items ?? []).entries()) {
    if (rolledBack?.has(index + 1)) queue.release(item);
    else queue.remove(item.id, item.hookId);
  }
  const pending = request.pendingItem;
  if (!pending) return;
  pending.stored = true;
  if (pending.itemId === undefined) return;
  if (rolledBack?.has(1)) queue.release({ id: pending.itemId, scenarioId: request.scenarioId });
  else queue.remove(pending.itemId, pending.hookId);
}

function storeIncomplete(deps: RunnerDeps, { request, record }: FinishedRun): void {
  const now = deps.clock.now();
  if (request.incompleteId) {
    const resolved = record.status !== 'error' && record.incomplete.length === 0;
    deps.incompletes.attempted(request.incompleteId, { resolved, now });
    return;
  }
  for (const detail of record.incomplete) {
    deps.incompletes.add({
      scenarioId: request.scenarioId,
      executionId: record.id,
      detail,
      input: request.input,
      now,
    });
  }
}

function applyStreak(deps: RunnerDeps, { prepared, request, record }: FinishedRun): void {
  const { scenarios } = deps;
  const scenario = scenarios.get(request.scenarioId);
  if (!scenario) return;
  // Backoff failures are answered by reruns, not the error count (Workfront Fusion's docs exclude them,
  // https://help.make.com/exponential-backoff).
  if (isBackoffFailure(record) && !endedFatally(record)) return;
  const decision = nextStreak(record, {
    immediate: prepared.instant && scenario.scheduling.type === 'immediately',
    maxErrors: prepared.settings.maxErrors,
    current: scenario.consecutiveErrors,
  });
  if (decision.count !== scenario.consecutiveErrors) scenarios.setErrors(scenario.id, decision.count);
  if (decision.deactivate && scenario.isActive) scenarios.invalidate(scenario.id);
}
