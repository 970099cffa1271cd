/**
 * Storing one finished run — inside the group-commit transaction, so it is all or nothing: the
 * execution row, removal of its queue items, its incomplete executions (or the retry attempt it
 * was), and the consecutive-error streak that may switch the scenario off (execution-spec §4.5).
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { PreparedScenario } from './engine-port.ts';
import { nextStreak } from './error-streak.ts';
import type { RunnerDeps, RunRequest } from './runner.ts';

export interface FinishedRun {
  prepared: PreparedScenario;
  request: RunRequest;
  record: ExecutionRecord;
}

export function storeExecution(deps: RunnerDeps, run: FinishedRun): void {
  const { queue, executions } = deps;
  const { prepared, request, record } = run;
  executions.add({
    scenarioId: request.scenarioId,
    queueItem: request.items?.[0]?.id ?? request.pendingItem?.itemId ?? null,
    type: request.type,
    instant: prepared.instant,
    record,
  });
  for (const item of request.items ?? []) queue.remove(item.id, item.hookId);
  const pending = request.pendingItem;
  if (pending) {
    pending.stored = true;
    if (pending.itemId !== undefined) queue.remove(pending.itemId, pending.hookId);
  }
  storeIncomplete(deps, run);
  applyStreak(deps, run);
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
  const decision = nextStreak(record, {
    instant: prepared.instant,
    maxErrors: prepared.settings.maxErrors,
    current: scenario.consecutiveErrors,
  });
  if (decision.count !== scenario.consecutiveErrors) scenarios.setErrors(scenario.id, decision.count);
  if (decision.deactivate && scenario.isActive) scenarios.invalidate(scenario.id);
}
