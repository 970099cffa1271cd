/**
 * Consecutive errors and deactivation (Make's help: https://help.make.com/overview-of-error-handling):
 * `maxErrors` runs in a row ending in error switch scheduling off; a webhook scenario that runs immediately
 * on its first error; fatal error types at once. A webhook scenario on a schedule counts like any scheduled
 * one ("stops after 3 errors", https://help.make.com/webhooks), which is why the server decides this and not
 * the engine's `consecutiveErrors.deactivateNow` (the engine knows the trigger, not the schedule).
 */
import { isFatalErrorType } from '../../engine/errors/make-error.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export interface StreakDecision {
  count: number;
  deactivate: boolean;
}

export interface StreakScenario {
  /** An instant trigger scheduled "immediately": the first error switches it off. */
  immediate: boolean;
  maxErrors: number;
  current: number;
}

/** The run ended in an error of a type that disables scheduling whatever maxErrors says. */
export function endedFatally(record: Pick<ExecutionRecord, 'status' | 'error'>): boolean {
  return record.status === 'error' && record.error !== null && isFatalErrorType(record.error.type);
}

/**
 * A success ends the streak. A warning neither counts nor ends it (spec: "warnings never count";
 * whether they reset the streak is not documented — we keep the count, see docs/fidelity.md).
 */
export function nextStreak(
  record: Pick<ExecutionRecord, 'status' | 'error' | 'consecutiveErrors'>,
  scenario: StreakScenario,
): StreakDecision {
  if (record.status === 'success') return { count: 0, deactivate: false };
  if (record.status === 'warning') return { count: scenario.current, deactivate: false };
  if (endedFatally(record)) return { count: scenario.current + 1, deactivate: true };
  if (!record.consecutiveErrors.counts) return { count: scenario.current, deactivate: false };
  const count = scenario.current + 1;
  return { count, deactivate: scenario.immediate || count >= Math.max(1, scenario.maxErrors) };
}
